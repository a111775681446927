-- The national action plan: plans, their objectives under the 4P (prevention, protection, prosecution,
-- partnership), measures with a lead organisation, partners, dates, status with its dated history and evidence,
-- and the budget of each measure by year and source. Versions 1000-1049 belong to the action plan (monitoring
-- module, tables prefixed plan_). Organisations are the registry's ids, checked through its facade: no foreign key
-- reaches into another module's schema. Nothing here is about a person: titles, evidence and statuses describe
-- what government and its partners do.
create schema if not exists monitoring;

create table monitoring.plan_plan (
    id                uuid primary key,
    title             varchar(200) not null,
    starts_on         date         not null,
    ends_on           date         not null,
    evidence_required boolean      not null,
    version           integer      not null default 0,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    constraint plan_period_in_order check (ends_on >= starts_on)
);

create table monitoring.plan_objective (
    id       uuid primary key,
    plan_id  uuid         not null references monitoring.plan_plan (id),
    pillar   varchar(20)  not null check (pillar in ('PREVENTION', 'PROTECTION', 'PROSECUTION', 'PARTNERSHIP')),
    title    varchar(300) not null,
    position integer      not null
);
create index plan_objective_plan on monitoring.plan_objective (plan_id);

create table monitoring.plan_measure (
    id                 uuid primary key,
    plan_id            uuid          not null references monitoring.plan_plan (id),
    objective_id       uuid          not null references monitoring.plan_objective (id),
    title              varchar(300)  not null,
    lead_organisation  uuid          not null,
    partners           uuid[]        not null default '{}',
    starts_on          date          not null,
    due_on             date          not null,
    status             varchar(20)   not null
        check (status in ('NOT_STARTED', 'ON_TRACK', 'DELAYED', 'DONE', 'DROPPED')),
    version            integer       not null default 0,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    constraint plan_measure_dates_in_order check (due_on >= starts_on)
);
create index plan_measure_plan on monitoring.plan_measure (plan_id);
create index plan_measure_lead on monitoring.plan_measure (lead_organisation);

-- Every status a measure has had, with who set it, when, and the evidence given. Append-only.
create table monitoring.plan_status_change (
    id          bigint generated always as identity primary key,
    measure_id  uuid         not null references monitoring.plan_measure (id),
    changed_at  timestamptz  not null,
    changed_by  varchar(100),
    from_status varchar(20),
    to_status   varchar(20)  not null,
    evidence    text
);
create index plan_status_change_measure on monitoring.plan_status_change (measure_id, changed_at);

-- The money of a measure in one year from one source. Spending above the allocation is allowed (and flagged).
create table monitoring.plan_budget_line (
    measure_id uuid          not null references monitoring.plan_measure (id),
    year       integer       not null check (year between 1990 and 2200),
    source     varchar(20)   not null check (source in ('STATE_BUDGET', 'DONORS', 'OTHER')),
    planned    numeric(16,2) not null default 0 check (planned >= 0),
    allocated  numeric(16,2) not null default 0 check (allocated >= 0),
    spent      numeric(16,2) not null default 0 check (spent >= 0),
    primary key (measure_id, year, source)
);
