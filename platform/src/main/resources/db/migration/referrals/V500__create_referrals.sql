-- Referrals into the NRM. Version numbers 500-599 belong to the referrals module. A referral holds no identity:
-- the person, the circumstances and consent are in the case that the referral opened.
create schema if not exists referrals;

create table referrals.referral (
    id                        uuid primary key,
    case_id                   uuid        not null unique,
    case_reference            varchar(20) not null,
    referring_organisation_id uuid        not null,
    referred_by               uuid        not null,
    referred_at               timestamptz not null,
    -- the screening the referral followed, when there was one (screening module); no foreign key across modules
    screening_id              uuid
);
create index referral_organisation on referrals.referral (referring_organisation_id, referred_at desc);
