create schema if not exists prevention;

-- Sudden shifts the early-warning scan found in the watched trend series (published counts only: the series are
-- disclosure-controlled before the detector sees them). One row per series and quarter; a later scan updates the
-- figures of a flag (a provisional flag on the newest quarter is confirmed or not by the next), never its review.
create table prevention.change_flag (
    id             uuid primary key,
    event          varchar(40)   not null check (event ~ '^[a-z-]{1,40}$'),
    breakdown      varchar(40)   check (breakdown ~ '^[a-z-]{1,40}$'),
    category       varchar(40)   check (category ~ '^[A-Z0-9_-]{1,40}$'),
    period         varchar(7)    not null check (period ~ '^[0-9]{4}-Q[1-4]$'),
    direction      varchar(4)    not null check (direction in ('UP', 'DOWN')),
    size           double precision not null,
    confidence     double precision not null check (confidence between 0 and 1),
    expected       double precision not null,
    observed       bigint        not null check (observed >= 0),
    provisional    boolean       not null,
    found_at       timestamptz   not null,
    reviewed_by    uuid,
    reviewed_at    timestamptz,
    review_comment varchar(2000),
    check ((reviewed_by is null) = (reviewed_at is null)),
    check (review_comment is null or reviewed_at is not null)
);

-- a total alone has no breakdown and no category: coalesce so that it is one series too
create unique index change_flag_series_period
    on prevention.change_flag (event, coalesce(breakdown, ''), coalesce(category, ''), period);

create index change_flag_open on prevention.change_flag (found_at) where reviewed_at is null;

-- When the watched series were last scanned, so that the home panel scans at most once a day by itself.
create table prevention.scan (
    id          smallint primary key check (id = 1),
    scanned_at  timestamptz not null
);
