-- Screenings of persons against indicators of trafficking. Version numbers 300-399 belong to the
-- screening module. A screening holds no identity: no name, no date of birth, no free text about the
-- person; only answers, context codes, the versions it was assessed against, its result, and who screened.
create schema if not exists screening;

create table screening.screening (
    id                 uuid primary key,
    checklist          varchar(60)  not null,
    checklist_version  varchar(80)  not null,
    catalogue_version  varchar(80)  not null,
    rule_version       varchar(80)  not null,
    rule_verification  varchar(30)  not null,
    age_group          varchar(20)  not null,
    exploitation_forms varchar(40)[] not null default '{}',
    -- question id -> YES / NO / DONT_KNOW
    answers            jsonb        not null,
    -- the result as assessed, with the text and strength of each counted indicator at that time,
    -- so that it stays explainable after a catalogue or rule update
    result             jsonb        not null,
    suggestion         varchar(40)  not null,
    screened_by        uuid         not null,
    organisation_id    uuid         not null,
    screened_at        timestamptz  not null
);
create index screening_by_organisation on screening.screening (organisation_id, screened_at desc);
