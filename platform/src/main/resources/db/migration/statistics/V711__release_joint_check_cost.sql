-- What the joint disclosure check took from a release, for the approver: the people in the cells it withheld besides
-- each table's own suppressions (a count kept inside the statistics office, never published), and how long it ran.
alter table statistics.release
    add column withheld_persons bigint  not null default 0 check (withheld_persons >= 0),
    add column check_millis     integer not null default 0 check (check_millis >= 0);

create or replace function statistics.release_is_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'TRUNCATE' then
        raise exception 'releases are kept: they cannot be truncated';
    end if;
    if tg_op = 'DELETE' then
        raise exception 'releases are kept: release % cannot be deleted', old.id;
    end if;
    if old.status <> 'AWAITING_APPROVAL' or new.status <> 'PUBLISHED'
            or new.id <> old.id or new.title <> old.title or new.tables <> old.tables
            or new.assembled_by <> old.assembled_by or new.assembled_at <> old.assembled_at
            or new.withheld_persons <> old.withheld_persons or new.check_millis <> old.check_millis then
        raise exception 'release % cannot be changed once assembled; only its approval publishes it', old.id;
    end if;
    return new;
end;
$$;
