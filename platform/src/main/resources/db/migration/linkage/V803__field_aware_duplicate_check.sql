-- The duplicate check with the field-aware model: each case's person is also kept as field encodings (platform
-- secret, default schema, field noise), encrypted with the identity key like uploaded lists, and deleted with the
-- encoding when the case is erased. A sweep estimates the model on all persons and raises alerts for pairs whose
-- match probability reaches the threshold; an alert says on what it rests.
alter table linkage.person_encoding add column fields text;

alter table linkage.possible_duplicate
    add column basis text not null default 'DICE' check (basis in ('DICE', 'MODEL'));

-- The last sweep: up to which stored encoding it looked, when, over how many persons, how many alerts it raised,
-- and why the model could not be estimated when it could not (counts and the library's reason, no person data).
create table linkage.duplicate_sweep (
    id            integer primary key check (id = 1),
    last_sequence bigint not null,
    swept_at      timestamptz not null,
    persons       integer not null check (persons >= 0),
    pairs         integer not null check (pairs >= 0),
    raised        integer not null check (raised >= 0),
    not_estimated text
);
