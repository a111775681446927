-- linkage: runs between agencies' encoded lists, and the duplicate check of newly referred persons.
-- Nothing here holds a name: encodings, case ids and references, counts.
create schema if not exists linkage;

-- A linkage run: who made it and when, its threshold, its lists, and once run, its counts.
create table linkage.run (
    id                 uuid primary key,
    name               text not null check (length(name) between 1 and 200),
    threshold          numeric(4, 3) not null check (threshold >= 0.5 and threshold <= 1),
    merge_within_lists boolean not null,
    status             text not null check (status in ('DRAFT', 'COMPLETED', 'DISCARDED')),
    created_by         uuid,
    created_at         timestamptz not null,
    completed_by       uuid,
    completed_at       timestamptz,
    persons            integer check (persons >= 0),
    version            integer not null default 0
);

create index run_created_at on linkage.run (created_at desc);

-- One agency's list in a run. The uploaded encodings are kept encrypted (identity key) only until the run,
-- then set to null; record ids are checked on upload and never stored.
create table linkage.run_list (
    id          uuid primary key,
    run_id      uuid not null references linkage.run (id),
    position    integer not null check (position >= 0),
    label       text not null,
    records     integer not null check (records > 0),
    persons     integer check (persons >= 0),
    encodings   text,
    uploaded_by uuid,
    uploaded_at timestamptz not null,
    unique (run_id, position),
    unique (run_id, label)
);

-- The overlap table of a run: persons per combination of lists (one character per list, in list order:
-- '101' = on the first and third list only). Only combinations with at least one person are stored.
create table linkage.run_overlap (
    run_id      uuid not null references linkage.run (id),
    combination text not null check (combination ~ '^[01]+$' and combination ~ '1'),
    persons     integer not null check (persons > 0),
    primary key (run_id, combination)
);

-- The encoding of each case's person for the duplicate check (platform secret, default schema).
create table linkage.person_encoding (
    case_id        uuid primary key,
    case_reference text,
    encoding       bytea not null check (octet_length(encoding) = 128),
    recorded_at    timestamptz not null
);

-- Possible duplicates among the NRM's cases, for a case manager to review; never merged automatically.
create table linkage.possible_duplicate (
    id            uuid primary key,
    case_id       uuid not null,
    other_case_id uuid not null check (other_case_id <> case_id),
    similarity    numeric(5, 4) not null check (similarity >= 0 and similarity <= 1),
    status        text not null check (status in ('OPEN', 'CONFIRMED_DIFFERENT', 'CONFIRMED_SAME')),
    found_at      timestamptz not null,
    reviewed_by   uuid,
    reviewed_at   timestamptz,
    version       integer not null default 0
);

create unique index possible_duplicate_pair
    on linkage.possible_duplicate (least(case_id, other_case_id), greatest(case_id, other_case_id));
create index possible_duplicate_status on linkage.possible_duplicate (status);
create index possible_duplicate_other on linkage.possible_duplicate (other_case_id);
