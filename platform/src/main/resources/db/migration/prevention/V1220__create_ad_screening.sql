-- Ad screening (issue 23): the ads an agency collected itself (the platform never crawls), screened against the
-- versioned lexicon of indicators, grouped into clusters (advertisers), and labelled by its analysts. Every row
-- belongs to the organisation that imported it. Titles, texts and contacts are encrypted (identity key); contacts are
-- linked by a keyed hash only.
create table prevention.ad_import (
    id               uuid primary key,
    organisation_id  uuid        not null,
    imported_by      uuid        not null,
    imported_at      timestamptz not null,
    ads              integer     not null check (ads > 0),
    lexicon_version  text        not null,
    default_region   char(2)     not null
);

create table prevention.ad (
    id               uuid primary key,
    organisation_id  uuid         not null,
    import_id        uuid         not null references prevention.ad_import (id),
    reference        varchar(200) not null check (length(btrim(reference)) > 0),
    collected_at     timestamptz  not null,
    site             varchar(200) not null check (length(btrim(site)) > 0),
    language         char(2),
    location         varchar(200),
    -- encrypted (AdsConfiguration): what the ad says may name or picture a victim
    title            text,
    body             text         not null,
    -- the lexicon phrases found: CATEGORY|language|FIELD|phrase (the lexicon's words, never the ad's)
    matches          text[]       not null,
    categories       text[]       not null,
    lexicon_version  text         not null,
    -- the cluster (advertiser) the ad falls into: named by the id of one of its ads
    cluster_id       uuid         not null,
    unique (organisation_id, reference)
);

create index ad_cluster on prevention.ad (organisation_id, cluster_id);
create index ad_collected on prevention.ad (collected_at);

create table prevention.ad_contact (
    id               uuid primary key,
    ad_id            uuid        not null references prevention.ad (id),
    organisation_id  uuid        not null,
    kind             varchar(10) not null check (kind in ('PHONE', 'EMAIL', 'HANDLE')),
    -- HMAC-SHA-256 of organisation, kind and normalised contact (ContactKey)
    contact_key      char(64)    not null,
    -- the normalised contact, encrypted (AdsConfiguration)
    contact          text        not null
);

create index ad_contact_ad on prevention.ad_contact (ad_id);
create index ad_contact_key on prevention.ad_contact (organisation_id, contact_key);

create table prevention.ad_label (
    id               uuid primary key,
    organisation_id  uuid        not null,
    ad_id            uuid        not null references prevention.ad (id),
    label            varchar(12) not null check (label in ('RELEVANT', 'NOT_RELEVANT', 'UNSURE')),
    -- given to the whole cluster at once (one row per ad of it), or to this ad alone
    whole_cluster    boolean     not null,
    labelled_by      uuid        not null,
    labelled_at      timestamptz not null
);

create index ad_label_ad on prevention.ad_label (ad_id, labelled_at desc);
