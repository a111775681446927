-- National extensions of the code lists added by an administrator in the pages (/settings/code-lists): a code the NRM
-- counts apart (a national form of exploitation, a recruitment platform, a method of control), with its label in
-- every platform language and the standard code it maps to (parent) wherever a return or an export needs a standard
-- code. A code is never deleted: a retired one is no longer offered, but the cases that hold it keep it and still show
-- its label. No identity: codes and texts the NRM wrote.
create table cases.national_code (
    list        varchar(40)  not null,
    code        varchar(40)  not null check (code ~ '^[A-Z][A-Za-z0-9]{2,39}$'),
    parent      varchar(60)  not null,
    labels      jsonb        not null,
    added_in    integer      not null,
    added_by    uuid         not null,
    added_at    timestamptz  not null,
    retired_in  integer,
    retired_at  timestamptz,
    primary key (list, code)
);

-- Every change of a list is a new version of it (the shipped list is version 1), with who made it and when.
create table cases.code_list_version (
    list        varchar(40)  not null,
    version     integer      not null check (version >= 2),
    change      varchar(20)  not null check (change in ('ADDED', 'RETIRED')),
    code        varchar(40)  not null,
    changed_by  uuid         not null,
    changed_at  timestamptz  not null,
    primary key (list, version)
);
