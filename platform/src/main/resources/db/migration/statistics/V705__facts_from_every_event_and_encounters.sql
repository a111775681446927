-- Every event the modules announce is counted (consents, guardians, age assessments, reviews, reopenings,
-- assistance started, each move of a referral to services, transfers), and the persons met by each kind of
-- organisation (the platform's lists for the hidden-number estimate) are kept from events here instead of being
-- read from the cases and referrals tables at query time.
alter table statistics.fact drop constraint fact_event_kind_check;
alter table statistics.fact add constraint fact_event_kind_check
    check (event_kind in ('REFERRAL', 'ANONYMOUS_NOTIFICATION', 'SCREENING', 'IDENTIFICATION_DECISION',
                          'SERVICE_DELIVERED', 'CLOSURE', 'DURABLE_SOLUTION', 'ASSISTANCE_STARTED', 'CASE_REOPENED',
                          'CONSENT_GIVEN', 'CONSENT_WITHDRAWN', 'GUARDIAN_APPOINTED', 'AGE_ASSESSED',
                          'DECISION_REVIEWED', 'SERVICE_REFERRAL_SENT', 'SERVICE_REFERRAL_ACCEPTED',
                          'SERVICE_REFERRAL_DECLINED', 'SERVICE_REFERRAL_WITHDRAWN', 'SERVICE_REFERRAL_COMPLETED',
                          'CASE_TRANSFERRED'));

-- as in V700: codes only
alter table statistics.fact
    add column consent_purpose  varchar(40) check (consent_purpose ~ '^[A-Z_]{1,40}$'),
    add column receiving_sector varchar(40) check (receiving_sector ~ '^[A-Z0-9_]{1,40}$'),
    add column override_ground  varchar(40) check (override_ground ~ '^[A-Z_]{1,40}$');

-- Which organisations met the person of each case referred into the NRM. Unlike the facts, these two tables hold
-- opaque ids (of the case, the person record and the organisation): counting a person with two cases once, and a
-- person met by two organisations of one sector once on that sector's list, needs them. They hold nothing else, are
-- never published (only counts per combination of sectors leave, audited), and no module but statistics reads them.
create table statistics.encounter_case (
    case_id       uuid     primary key,
    person_id     uuid     not null,
    referred_year smallint not null check (referred_year between 1990 and 2200)
);
create index encounter_case_year on statistics.encounter_case (referred_year);

create table statistics.encounter (
    case_id         uuid not null,
    organisation_id uuid not null,
    primary key (case_id, organisation_id)
);

-- An installation that already has cases gets its encounters once from the tables they were read from until now;
-- from here on only events feed them. Referrals to services count when accepted (or completed after acceptance).
insert into statistics.encounter_case (case_id, person_id, referred_year)
select id, person_id, extract(year from referred_on)::smallint from cases.case_file
on conflict do nothing;

insert into statistics.encounter (case_id, organisation_id)
select id, referring_organisation_id from cases.case_file
union
select case_id, organisation_id from cases.decision where organisation_id is not null
union
select case_id, receiver_organisation_id from referrals.service_referral where status in ('ACCEPTED', 'COMPLETED')
on conflict do nothing;
