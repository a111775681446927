-- The register of prevention campaigns and activities: who runs them, for whom, where, when, through which channels,
-- with which messages and at what cost. Nothing in it names a person.
create table prevention.campaign (
    id               uuid primary key,
    name             varchar(200)  not null check (length(btrim(name)) > 0),
    organisation_id  uuid          not null,
    audience         varchar(500)  not null check (length(btrim(audience)) > 0),
    regions          text[]        not null check (cardinality(regions) between 1 and 50),
    starts_on        date          not null,
    ends_on          date          not null check (ends_on >= starts_on),
    channels         text[]        not null check (cardinality(channels) between 1 and 20),
    messages         varchar(2000) not null check (length(btrim(messages)) > 0),
    cost             numeric(14, 2) not null check (cost >= 0),
    currency         char(3)       not null check (currency ~ '^[A-Z]{3}$'),
    registered_by    uuid          not null,
    registered_at    timestamptz   not null
);

create index campaign_period on prevention.campaign (starts_on desc);
