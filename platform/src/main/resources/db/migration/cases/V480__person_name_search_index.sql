-- Finding a person by name although names are encrypted: the blind index of access.SearchIndex. One row per
-- distinct folded word of a person's given, family and other names: the word's keyed hash cut to 16 bits (a bucket
-- that several words share), never the word. The search looks candidates up by bucket and keeps only those whose
-- decrypted name has the word. Rows go with the person (on delete cascade); an erased name's rows are removed
-- with it, and a stale row can only ever add a candidate that the decrypted name then rules out.
create table cases.person_name_word (
    person_id uuid     not null references cases.person (id) on delete cascade,
    bucket    integer  not null check (bucket between 0 and 65535),
    primary key (bucket, person_id)
);
create index person_name_word_person on cases.person_name_word (person_id);

-- persons recorded before the index existed are indexed once by the platform at start (cases.search.NameIndexing)
alter table cases.person add column name_indexed boolean not null default false;
