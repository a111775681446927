-- Knowledge-attitude-practice survey microdata of a campaign, without identity: per respondent only the wave (before
-- or after the campaign), the kind of area (with the campaign or for comparison), the design (stratum, cluster, design
-- weight) and the answers, one row per answered measure (1 or 0). A file is stored whole or not at all.
create table prevention.survey (
    id            uuid primary key,
    campaign_id   uuid         not null references prevention.campaign (id),
    strata        text[]       not null check (cardinality(strata) between 1 and 200),
    measures      text[]       not null check (cardinality(measures) between 1 and 20),
    respondents   integer      not null check (respondents > 0),
    uploaded_by   uuid         not null,
    uploaded_at   timestamptz  not null
);

create index survey_campaign on prevention.survey (campaign_id);

create table prevention.survey_answer (
    survey_id     uuid          not null references prevention.survey (id),
    line          integer       not null check (line > 1),
    wave          varchar(6)    not null check (wave in ('BEFORE', 'AFTER')),
    area          varchar(10)   not null check (area in ('CAMPAIGN', 'COMPARISON')),
    stratum       varchar(40)   not null,
    cluster       varchar(40)   not null,
    weight        double precision not null check (weight > 0),
    measure       varchar(40)   not null check (measure ~ '^[a-z][a-z0-9_]{0,39}$'),
    value         smallint      not null check (value in (0, 1)),
    primary key (survey_id, line, measure)
);
