-- Labour-inspection targeting (issue 23): the inspectorate's workplace register and inspection history as it imported
-- them, and the inspection plans made from the risk ranking. Each row belongs to the organisation that imported it;
-- every read filters on it. No worker's name anywhere: a workplace is the inspectorate's own reference.
create table prevention.inspection_workplace (
    organisation_id uuid         not null,
    reference       varchar(64)  not null check (reference ~ '^[A-Za-z0-9][A-Za-z0-9._/-]*$'),
    sector          char(1)      not null check (sector between 'A' and 'U'),
    region          varchar(100) not null check (length(btrim(region)) > 0),
    employees       integer      not null check (employees between 0 and 1000000),
    imported_at     timestamptz  not null,
    primary key (organisation_id, reference)
);

create table prevention.inspection_record (
    organisation_id    uuid        not null,
    workplace          varchar(64) not null,
    inspected_on       date        not null,
    violation          boolean     not null,
    indicators         integer     not null check (indicators between 0 and 1000),
    by_lot             boolean     not null,
    imported_at        timestamptz not null,
    primary key (organisation_id, workplace, inspected_on),
    foreign key (organisation_id, workplace) references prevention.inspection_workplace (organisation_id, reference)
);

create table prevention.inspection_plan (
    id              uuid         primary key,
    organisation_id uuid         not null,
    year            integer      not null check (year between 1990 and 2200),
    capacity        integer      not null check (capacity between 1 and 100000),
    random_percent  integer      not null check (random_percent between 0 and 100),
    trained_on      integer      not null,
    made_by         uuid         not null,
    made_at         timestamptz  not null
);

create index inspection_plan_organisation on prevention.inspection_plan (organisation_id, made_at desc);

create table prevention.inspection_plan_entry (
    plan_id     uuid             not null references prevention.inspection_plan (id) on delete cascade,
    position    integer          not null,
    workplace   varchar(64)      not null,
    reason      varchar(8)       not null check (reason in ('RANKED', 'BY_LOT')),
    model_rank  integer          not null,
    probability double precision not null check (probability between 0 and 1),
    -- the factors of the score, one per line: key, argument, amount and contribution separated by tabs
    factors     text             not null check (length(factors) > 0),
    primary key (plan_id, position)
);
