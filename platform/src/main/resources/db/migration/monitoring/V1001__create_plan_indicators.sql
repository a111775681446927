-- Indicators of the action plan: a baseline and a target, and values over time, each computed from the platform's
-- facts by a fixed rule (statistics.publishing.PlanIndicatorCounts) or reported by the lead organisation of a
-- measure; every value keeps where it came from.
create table monitoring.plan_indicator (
    id              uuid primary key,
    plan_id         uuid          not null references monitoring.plan_plan (id),
    measure_id      uuid          references monitoring.plan_measure (id),
    name            varchar(300)  not null,
    origin          varchar(20)   not null check (origin in ('COMPUTED', 'REPORTED')),
    rule            varchar(60),
    baseline        numeric(16,2) not null,
    baseline_year   integer       not null check (baseline_year between 1990 and 2200),
    target          numeric(16,2) not null,
    target_year     integer       not null check (target_year between 1990 and 2200),
    created_at      timestamptz   not null,
    constraint plan_indicator_computed_has_rule check ((origin = 'COMPUTED') = (rule is not null)),
    constraint plan_indicator_reported_has_measure check (origin <> 'REPORTED' or measure_id is not null),
    constraint plan_indicator_target_after_baseline check (target_year >= baseline_year)
);
create index plan_indicator_plan on monitoring.plan_indicator (plan_id);

create table monitoring.plan_indicator_value (
    id            bigint generated always as identity primary key,
    indicator_id  uuid          not null references monitoring.plan_indicator (id),
    first_month   date          not null,
    last_month    date          not null,
    value         numeric(16,2),
    -- where the value came from: a rule over the facts of these months, counted at recorded_at; or an organisation's
    -- report (by recorded_by), with its note
    origin        varchar(20)   not null check (origin in ('COMPUTED', 'REPORTED')),
    rule          varchar(60),
    organisation_id uuid,
    note          text,
    recorded_at   timestamptz   not null,
    recorded_by   varchar(100),
    constraint plan_indicator_value_traceable check (
        (origin = 'COMPUTED' and rule is not null) or (origin = 'REPORTED' and organisation_id is not null)),
    constraint plan_indicator_value_months_in_order check (last_month >= first_month)
);
create index plan_indicator_value_indicator on monitoring.plan_indicator_value (indicator_id, first_month);
