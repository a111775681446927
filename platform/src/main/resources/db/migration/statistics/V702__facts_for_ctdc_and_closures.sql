-- Facts for the CTDC export and the tables of screenings, closures and durable solutions, all as codes:
-- methods of control, sectors (ISIC sections), the relationship to the recruiter, countries of exploitation,
-- the screening's suggestion, the closure reason and the durable solution. As in V700, nothing here can hold a
-- name, a date, an id or free text: every value must look like a code.
alter table statistics.fact drop constraint fact_event_kind_check;
alter table statistics.fact add constraint fact_event_kind_check
    check (event_kind in ('REFERRAL', 'ANONYMOUS_NOTIFICATION', 'SCREENING', 'IDENTIFICATION_DECISION',
                          'SERVICE_DELIVERED', 'CLOSURE', 'DURABLE_SOLUTION'));

alter table statistics.fact
    add column methods_of_control      varchar(40)[] not null default '{}'
        check (array_to_string(methods_of_control, ',') ~ '^([A-Z_]{1,40}(,[A-Z_]{1,40})*)?$'),
    add column sectors                 varchar(1)[]  not null default '{}'
        check (array_to_string(sectors, ',') ~ '^([A-U](,[A-U])*)?$'),
    add column recruiter_relationship  varchar(40)   check (recruiter_relationship ~ '^[A-Z_]{1,40}$'),
    add column exploitation_countries  char(3)[]     not null default '{}'
        check (array_to_string(exploitation_countries, ',') ~ '^([A-Z]{3}(,[A-Z]{3})*)?$'),
    add column screening_suggestion    varchar(40)   check (screening_suggestion ~ '^[A-Z_]{1,40}$'),
    add column closure_reason          varchar(40)   check (closure_reason ~ '^[A-Z_]{1,40}$'),
    add column durable_solution        varchar(40)   check (durable_solution ~ '^[A-Z_]{1,40}$');

-- the CTDC export reads every person registered (referrals and anonymous notifications) in one pass
create index fact_registration on statistics.fact (event_kind) where event_kind in ('REFERRAL', 'ANONYMOUS_NOTIFICATION');
