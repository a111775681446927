-- Referrals of cases to service providers, with the purpose and the need-to-know scopes shared, and the
-- override (ground and reason) when the case was shared without consent. Health needs are encrypted
-- (IdentityProtection, context "referrals.service_referral.health_needs:<id>").
create table referrals.service_referral (
    id                       uuid primary key,
    case_id                  uuid         not null,
    case_reference           varchar(20)  not null,
    sender_organisation_id   uuid         not null,
    sent_by                  uuid         not null,
    receiver_organisation_id uuid         not null,
    purpose                  text         not null,
    scopes                   varchar(200) not null,
    health_needs             text,
    override_ground          varchar(30),
    override_reason          text,
    sent_at                  timestamptz  not null,
    status                   varchar(20)  not null,
    decline_reason           text,
    updated_at               timestamptz  not null
);
create index service_referral_case on referrals.service_referral (case_id, sent_at);
create index service_referral_receiver on referrals.service_referral (receiver_organisation_id, sent_at desc);

-- Transfers of a case to another organisation as owner.
create table referrals.transfer (
    id                     uuid primary key,
    case_id                uuid        not null,
    from_organisation_id   uuid        not null,
    to_organisation_id     uuid        not null,
    reason                 text        not null,
    transferred_at         timestamptz not null,
    transferred_by         uuid        not null
);
create index transfer_case on referrals.transfer (case_id, transferred_at);
