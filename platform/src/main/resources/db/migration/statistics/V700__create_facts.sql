-- Coded facts for national statistics. Version numbers 700-799 belong to the statistics module.
-- A fact holds codes only: no name, no date of birth, no free text, no case or person id, dates as year,
-- quarter and month. The constraints make anything else impossible to store, not merely unusual.
create schema if not exists statistics;

create table statistics.fact (
    id                 bigint generated always as identity primary key,
    event_kind         varchar(40) not null
        check (event_kind in ('REFERRAL', 'ANONYMOUS_NOTIFICATION', 'SCREENING', 'IDENTIFICATION_DECISION',
                              'SERVICE_DELIVERED', 'CLOSURE')),
    period_year        smallint    not null check (period_year between 1990 and 2200),
    period_quarter     smallint    not null check (period_quarter between 1 and 4),
    period_month       smallint    not null check (period_month between 1 and 12),
    region_code        varchar(20)  check (region_code ~ '^[A-Z0-9-]{1,20}$'),
    referring_sector   varchar(40)  check (referring_sector ~ '^[A-Z0-9_]{1,40}$'),
    sex                varchar(20)  check (sex ~ '^[A-Z_]{1,20}$'),
    age_band           varchar(10)  check (age_band in ('0-8', '9-17', '18-20', '21-23', '24-26', '27-29',
                                                         '30-38', '39-47', '48+')),
    child              boolean,
    citizenship        char(3)      check (citizenship ~ '^[A-Z]{3}$'),
    exploitation_forms varchar(40)[] not null default '{}'
        check (array_to_string(exploitation_forms, ',') ~ '^([A-Z_]{1,40}(,[A-Z_]{1,40})*)?$'),
    decision_outcome   varchar(40)  check (decision_outcome ~ '^[A-Z_]{1,40}$'),
    days_to_decision   integer      check (days_to_decision >= 0),
    service_type       varchar(40)  check (service_type ~ '^[A-Z_]{1,40}$'),
    check (period_quarter = (period_month + 2) / 3)
);

-- national tables filter by event and period first, then by region
create index fact_kind_period on statistics.fact (event_kind, period_year, period_quarter);
