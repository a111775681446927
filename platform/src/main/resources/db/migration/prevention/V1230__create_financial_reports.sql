-- A financial intelligence unit's suspicious-transaction reports as coded against the catalogue of published
-- financial red flags, and what became of them. A report is known by the unit's own reference, never by a person's
-- name; no free text is kept. Each report belongs to the unit that coded it.
create table prevention.financial_report (
    id                     uuid primary key,
    organisation_id        uuid        not null,
    reference              varchar(40) not null check (reference ~ '^[A-Za-z0-9][A-Za-z0-9/._-]{0,39}$'),
    received_on            date        not null,
    entity_type            varchar(40) not null check (entity_type ~ '^[A-Z_]+$'),
    indicators             text[]      not null check (cardinality(indicators) between 1 and 50),
    catalogue_version      varchar(20) not null,
    disseminated_on        date check (disseminated_on >= received_on),
    investigation_on       date check (investigation_on >= disseminated_on),
    coded_by               uuid        not null,
    coded_at               timestamptz not null,
    unique (organisation_id, reference),
    -- an investigation is recorded only for a report disseminated to the police
    check (investigation_on is null or disseminated_on is not null)
);

create index financial_report_received on prevention.financial_report (organisation_id, received_on desc);
