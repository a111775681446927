-- "Who is exploited where": the vulnerabilities stated (the names of the cases module's Vulnerability: DISABILITY,
-- MINORITY, MIGRANT_OR_REFUGEE, UNACCOMPANIED_CHILD, CARE_LEAVER, HOMELESSNESS, DEBT), the HTCDS recruitment methods
-- and the online recruitment platforms of a referral, as codes like every other column of a fact. Referrals recorded
-- before this version have none ('{}'), which the tables count as not known.
alter table statistics.fact
    add column vulnerabilities       varchar(40)[] not null default '{}'
        check (array_to_string(vulnerabilities, ',') ~ '^([A-Z_]{1,40}(,[A-Z_]{1,40})*)?$'),
    add column recruitment_methods   varchar(40)[] not null default '{}'
        check (array_to_string(recruitment_methods, ',') ~ '^([A-Z0-9_]{1,40}(,[A-Z0-9_]{1,40})*)?$'),
    add column recruitment_platforms varchar(40)[] not null default '{}'
        check (array_to_string(recruitment_platforms, ',') ~ '^([A-Z0-9_]{1,40}(,[A-Z0-9_]{1,40})*)?$');
