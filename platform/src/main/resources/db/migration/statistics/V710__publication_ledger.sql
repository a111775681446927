-- The publication ledger: every cell that left the statistics office in an approved release, as its definition (what
-- is counted, period, region, categories) with the value published or 'suppressed' (value null). The joint disclosure
-- check reads it before the next release is approved: an attacker holds every earlier table, so must the check.
-- Where each cell sat in its table (row, column; the last row and column are the totals) is kept too, because the
-- additivity of each table's rows and columns is part of what an attacker knows. Never the counts behind a
-- suppressed cell.
create table statistics.published_cell (
    id            bigserial    primary key,
    source        varchar(20)  not null check (source in ('RELEASE')),
    source_id     uuid         not null,
    source_title  varchar(200) not null,
    table_no      integer      not null check (table_no >= 0),
    table_rows    integer      not null check (table_rows >= 0),
    table_columns integer      not null check (table_columns >= 0),
    row_no        integer      not null check (row_no >= 0 and row_no <= table_rows),
    column_no     integer      not null check (column_no >= 0 and column_no <= table_columns),
    event_kind    varchar(40)  not null,
    first_quarter integer,
    last_quarter  integer,
    region_code   varchar(20),
    categories    jsonb        not null,
    value         bigint       check (value is null or value >= 0),
    rounding      varchar(20)  not null check (rounding in ('NONE', 'CONVENTIONAL', 'RANDOM')),
    reason        varchar(20)  check (reason in ('PRIMARY', 'SECONDARY', 'JOINT')),
    published_at  timestamptz  not null,
    check ((value is null) = (reason is not null)),
    unique (source, source_id, table_no, row_no, column_no)
);

create index published_cell_event_period on statistics.published_cell (event_kind, first_quarter, last_quarter);

-- Append-only: what was published stays published, so no update, delete or truncate.
create function statistics.published_cell_is_kept() returns trigger language plpgsql as $$
begin
    raise exception 'the publication ledger is append-only: published cells cannot be changed or removed';
end;
$$;

create trigger published_cell_is_kept
    before update or delete on statistics.published_cell
    for each row execute function statistics.published_cell_is_kept();

create trigger published_cell_is_not_truncated
    before truncate on statistics.published_cell
    for each statement execute function statistics.published_cell_is_kept();
