-- Cases of the NRM: persons (identity encrypted), cases with their stage and deadlines, consent per purpose,
-- identification decisions with their history, the children's procedure, and anonymous notifications.
-- Version numbers 400-499 belong to the cases module. Columns marked "encrypted" hold IdentityProtection
-- ciphertexts bound to "<schema>.<table>.<column>:<row id>"; never index or search them.
create schema if not exists cases;

create table cases.person (
    id            uuid primary key,
    given_name    text,  -- encrypted
    family_name   text,  -- encrypted
    other_names   text,  -- encrypted
    date_of_birth text,  -- encrypted, ISO date
    age_estimate  text,  -- encrypted, years
    gender        text,  -- encrypted, HTCDS prs_Gender code
    citizenships  text,  -- encrypted, ISO 3166 alpha-3 codes separated by spaces
    languages     text,  -- encrypted, ISO 639-2 codes separated by spaces
    created_at    timestamptz not null
);

-- The last NRM reference number given out in each year (NRM-2026-000123).
create table cases.reference_counter (
    year        integer primary key,
    last_number integer not null
);

create table cases.case_file (
    id                        uuid primary key,
    reference                 varchar(20) not null unique,
    person_id                 uuid        not null references cases.person (id),
    referring_organisation_id uuid        not null,
    referred_by               uuid,
    referred_on               date        not null,
    opened_at                 timestamptz not null,
    status                    varchar(10) not null,
    stage                     varchar(30) not null,
    age_category              varchar(20) not null,
    screening_id              uuid,
    circumstances             text,  -- encrypted
    next_due_kind             varchar(30),
    next_due_on               date,
    recovery_starts_on        date,
    recovery_ends_on          date,
    protection_from_removal   boolean     not null default false,
    exploitation_forms        varchar(60)[] not null default '{}',
    methods_of_control        varchar(60)[] not null default '{}',
    sectors                   varchar(60)[] not null default '{}',
    recruitment_methods       varchar(60)[] not null default '{}',
    recruitment_platforms     varchar(60)[] not null default '{}',
    recruiter_relationship    varchar(30),
    recruitment_countries     varchar(3)[]  not null default '{}',
    transit_countries         varchar(3)[]  not null default '{}',
    exploitation_countries    varchar(3)[]  not null default '{}',
    vulnerabilities           varchar(40)[] not null default '{}',
    closure_reason            varchar(30),
    closed_at                 timestamptz,
    version                   integer     not null default 0,
    updated_at                timestamptz not null
);
-- the NRM queue: open cases by what is due next
create index case_file_queue on cases.case_file (next_due_on, reference) where next_due_on is not null;
create index case_file_referring_organisation on cases.case_file (referring_organisation_id);

-- Consent per purpose; a withdrawal is written into the same row, which is never deleted.
create table cases.consent (
    id              uuid primary key,
    case_id         uuid        not null references cases.case_file (id),
    purpose         varchar(20) not null,
    organisation_id uuid,
    given           boolean     not null,
    by_guardian     boolean     not null default false,
    recorded_at     timestamptz not null,
    recorded_by     uuid,
    withdrawn_at    timestamptz,
    withdrawn_by    uuid
);
create index consent_case on cases.consent (case_id);

-- Identification decisions: appended, never changed. A reconsidered decision points at the one it replaces.
create table cases.decision (
    id                      uuid primary key,
    case_id                 uuid        not null references cases.case_file (id),
    kind                    varchar(20) not null,
    outcome                 varchar(30) not null,
    decided_on              date        not null,
    recorded_at             timestamptz not null,
    decided_by              uuid        not null,
    organisation_id         uuid        not null,
    reasons                 text        not null,  -- encrypted
    evidence                text,                  -- encrypted
    reconsiders             uuid references cases.decision (id),
    recovery_period_days    integer,
    protection_from_removal boolean     not null default false
);
create index decision_case on cases.decision (case_id);
-- one first decision of each kind per case; later ones only by reconsideration
create unique index decision_first_of_kind on cases.decision (case_id, kind) where reconsiders is null;
create unique index decision_reconsidered_once on cases.decision (reconsiders) where reconsiders is not null;

-- The review of a negative decision by a multi-agency panel.
create table cases.review (
    id                    uuid primary key,
    decision_id           uuid        not null unique references cases.decision (id),
    case_id               uuid        not null references cases.case_file (id),
    panel_organisation_id uuid        not null,
    outcome               varchar(20) not null,
    reviewed_on           date        not null,
    reasons               text        not null,  -- encrypted
    recorded_at           timestamptz not null,
    recorded_by           uuid        not null
);
create index review_case on cases.review (case_id);

-- Recruitment, transit and exploitation events (HTCDS hte_), none in the future.
create table cases.timeline_event (
    id          uuid primary key,
    case_id     uuid        not null references cases.case_file (id),
    type        varchar(20) not null,
    occurred_on date        not null,
    country     varchar(3),
    description text,  -- encrypted
    recorded_at timestamptz not null,
    recorded_by uuid
);
create index timeline_event_case on cases.timeline_event (case_id);

create table cases.guardian_appointment (
    id                  uuid primary key,
    case_id             uuid        not null references cases.case_file (id),
    guardian_account_id uuid        not null,
    appointed_at        timestamptz not null,
    appointed_by        uuid
);
create index guardian_appointment_case on cases.guardian_appointment (case_id);

create table cases.best_interests_assessment (
    id          uuid primary key,
    case_id     uuid        not null references cases.case_file (id),
    assessed_on date        not null,
    summary     text        not null,  -- encrypted
    recorded_at timestamptz not null,
    recorded_by uuid
);
create index best_interests_case on cases.best_interests_assessment (case_id);

create table cases.age_assessment (
    id          uuid primary key,
    case_id     uuid        not null references cases.case_file (id),
    outcome     varchar(10) not null,
    assessed_on date        not null,
    recorded_at timestamptz not null,
    recorded_by uuid
);
create index age_assessment_case on cases.age_assessment (case_id);

-- An adult who declines to be referred is still counted: codes only, no identity, no link to any case.
create table cases.anonymous_notification (
    id                 uuid primary key,
    notified_on        date        not null,
    recorded_at        timestamptz not null,
    organisation_id    uuid        not null,
    gender             varchar(30),
    age_group          varchar(10),
    nationality        varchar(3),
    exploitation_forms varchar(60)[] not null default '{}',
    region             varchar(100)
);
create index anonymous_notification_on on cases.anonymous_notification (notified_on);
