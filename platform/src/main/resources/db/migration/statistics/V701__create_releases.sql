-- Releases of national tables: assembled by one statistician, approved by another, then published and kept
-- as they were. Tables are stored as published (after disclosure control), never the counts behind them.
create table statistics.release (
    id           uuid primary key,
    title        varchar(200) not null,
    status       varchar(20)  not null check (status in ('AWAITING_APPROVAL', 'PUBLISHED')),
    tables       jsonb        not null,
    assembled_by uuid         not null,
    assembled_at timestamptz  not null,
    approved_by  uuid,
    approved_at  timestamptz,
    check (approved_by is null or approved_by <> assembled_by),
    check ((status = 'PUBLISHED') = (approved_by is not null and approved_at is not null))
);

-- Every release is kept and cannot be changed: no delete, and the only update is the approval that
-- publishes a release awaiting approval, with nothing else changing.
create function statistics.release_is_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'TRUNCATE' then
        raise exception 'releases are kept: they cannot be truncated';
    end if;
    if tg_op = 'DELETE' then
        raise exception 'releases are kept: release % cannot be deleted', old.id;
    end if;
    if old.status <> 'AWAITING_APPROVAL' or new.status <> 'PUBLISHED'
            or new.id <> old.id or new.title <> old.title or new.tables <> old.tables
            or new.assembled_by <> old.assembled_by or new.assembled_at <> old.assembled_at then
        raise exception 'release % cannot be changed once assembled; only its approval publishes it', old.id;
    end if;
    return new;
end;
$$;

create trigger release_is_immutable
    before update or delete on statistics.release
    for each row execute function statistics.release_is_immutable();

create trigger release_is_not_truncated
    before truncate on statistics.release
    for each statement execute function statistics.release_is_immutable();
