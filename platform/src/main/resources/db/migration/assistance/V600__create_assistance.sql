-- Assistance: needs assessments, assistance plans with goals and actions, services delivered, the
-- non-punishment principle, closures with a durable solution and feedback. Version numbers 600-699 belong to
-- the assistance module. No identity here: a case is known by its id. Notes are free text written by
-- professionals; never log them.
create schema if not exists assistance;

create table assistance.need (
    case_id     uuid        not null,
    area        varchar(20) not null,
    level       varchar(10) not null,
    note        text,
    assessed_on date        not null,
    assessed_by uuid        not null,
    primary key (case_id, area)
);

create table assistance.plan (
    id        uuid primary key,
    case_id   uuid        not null,
    opened_at timestamptz not null,
    closed_at timestamptz
);
create index plan_case on assistance.plan (case_id, opened_at);

create table assistance.plan_item (
    id         uuid primary key,
    plan_id    uuid         not null references assistance.plan (id),
    kind       varchar(10)  not null,
    text       varchar(2000) not null,
    created_at timestamptz  not null
);

create table assistance.service (
    id                       uuid primary key,
    plan_id                  uuid        not null references assistance.plan (id),
    case_id                  uuid        not null,
    type                     varchar(40) not null,
    provider_organisation_id uuid        not null,
    started_on               date        not null,
    ended_on                 date,
    outcome                  varchar(2000),
    expires_on               date,
    recorded_at              timestamptz not null,
    recorded_by              uuid        not null
);
create index service_case on assistance.service (case_id, started_on);
create index service_expiry on assistance.service (expires_on) where expires_on is not null;

create table assistance.non_punishment (
    id            uuid primary key,
    case_id       uuid          not null,
    offence       varchar(500)  not null,
    direct_result boolean       not null,
    note          varchar(2000),
    recorded_on   date          not null,
    recorded_by   uuid          not null
);
create index non_punishment_case on assistance.non_punishment (case_id);

create table assistance.closure (
    id                uuid primary key,
    case_id           uuid         not null,
    solution          varchar(40)  not null,
    reason            varchar(2000) not null,
    feedback_language varchar(5),
    feedback          varchar(500),  -- QUESTION=ANSWER pairs separated by spaces
    closed_at         timestamptz  not null,
    closed_by         uuid         not null
);
create index closure_case on assistance.closure (case_id, closed_at);
