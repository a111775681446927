-- The organisation that registered a referral, beside its case (V731), so that the rapporteur sees the organisations
-- whose referrals fell sharply against their own past (issue 20): a drop in a return may be a drop in reporting, not
-- in trafficking. An organisation is not a person; the id is never published and is read only by the statisticians'
-- reporting-drops view. Referrals recorded before this version have none and are not attributed.
alter table statistics.referral_case add column organisation_id uuid;
create index referral_case_organisation on statistics.referral_case (organisation_id) where organisation_id is not null;
