-- Cross-border packages received from the NRMs of other countries, verified (Ed25519), awaiting review.
-- The contents are the minimum data of the package (no name, no date of birth).
create table referrals.cross_border_package (
    id               uuid primary key,
    sender_country   varchar(3)  not null,
    sender_reference varchar(40) not null,
    contents         text        not null,
    status           varchar(10) not null,
    received_at      timestamptz not null
);
