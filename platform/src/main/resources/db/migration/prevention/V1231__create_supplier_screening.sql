-- Supplier screening of a public procurement office: lists of employers found using forced labour, imported with their
-- source; the office's suppliers; the candidate matches between them and their review. Companies, never persons; each
-- row belongs to the office that imported it.
create table prevention.forced_labour_list (
    id               uuid primary key,
    organisation_id  uuid         not null,
    name             varchar(200) not null check (length(btrim(name)) > 0),
    publisher        varchar(200) not null check (length(btrim(publisher)) > 0),
    published_on     date         not null,
    url              varchar(500) not null check (url ~ '^https?://'),
    entries          integer      not null check (entries > 0),
    imported_by      uuid         not null,
    imported_at      timestamptz  not null
);

create table prevention.listed_employer (
    id               uuid primary key,
    list_id          uuid         not null references prevention.forced_labour_list (id),
    organisation_id  uuid         not null,
    name             varchar(200) not null check (length(btrim(name)) > 0),
    country          char(3) check (country ~ '^[A-Z]{3}$')
);

create index listed_employer_organisation on prevention.listed_employer (organisation_id);

create table prevention.supplier (
    id               uuid primary key,
    organisation_id  uuid         not null,
    reference        varchar(40)  not null,
    name             varchar(200) not null check (length(btrim(name)) > 0),
    country          char(3) check (country ~ '^[A-Z]{3}$'),
    result           varchar(20)  not null default 'NOT_SCREENED'
                     check (result in ('NOT_SCREENED', 'CLEAR', 'TO_REVIEW', 'MATCHED')),
    screened_at      timestamptz,
    imported_at      timestamptz  not null,
    unique (organisation_id, reference)
);

create table prevention.supplier_match (
    id               uuid primary key,
    organisation_id  uuid          not null,
    supplier_id      uuid          not null references prevention.supplier (id),
    employer_id      uuid          not null references prevention.listed_employer (id),
    similarity       numeric(4, 3) not null check (similarity between 0 and 1),
    status           varchar(20)   not null check (status in ('PENDING', 'CONFIRMED', 'DISMISSED')),
    reason           varchar(500),
    reviewed_by      uuid,
    reviewed_at      timestamptz,
    found_at         timestamptz   not null,
    unique (supplier_id, employer_id),
    check ((status = 'PENDING') = (reviewed_at is null)),
    check (status <> 'DISMISSED' or length(btrim(reason)) > 0)
);

create index supplier_match_pending on prevention.supplier_match (organisation_id, status);
