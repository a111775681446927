-- Partner organisations of the National Referral Mechanism and their partnership agreements.
-- Version numbers 100-199 belong to the organisations module.
create schema if not exists organisations;

create table organisations.organisation (
    id               uuid primary key,
    name             varchar(200) not null,
    sector           varchar(40)  not null,
    nrm_roles        varchar(40)[] not null default '{}',
    services_offered varchar(60)[] not null default '{}',
    regions_served   varchar(100)[] not null default '{}',
    status           varchar(20)  not null default 'ACTIVE',
    version          integer      not null default 0,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now()
);
create unique index organisation_name_unique on organisations.organisation (lower(name));

-- How to reach the organisation: professional contact points, never victims' data.
create table organisations.contact_point (
    organisation    uuid         not null references organisations.organisation (id) on delete cascade,
    organisation_key integer     not null,
    name            varchar(200) not null,
    function        varchar(200),
    phone           varchar(50),
    email           varchar(320),
    primary key (organisation, organisation_key)
);

create table organisations.agreement (
    id             uuid primary key,
    title          varchar(200) not null,
    scope          text         not null,
    signed_on      date         not null,
    next_review_on date         not null,
    version        integer      not null default 0,
    created_at     timestamptz  not null default now(),
    constraint agreement_review_after_signing check (next_review_on >= signed_on)
);

create table organisations.agreement_party (
    agreement     uuid        not null references organisations.agreement (id) on delete cascade,
    agreement_key integer     not null,
    organisation  uuid        not null references organisations.organisation (id),
    nrm_role      varchar(40) not null,
    primary key (agreement, agreement_key)
);
create index agreement_party_organisation on organisations.agreement_party (organisation);
