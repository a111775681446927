-- A received cross-border package, once reviewed: imported (the case it opened here) or rejected, by whom and when;
-- and the notice this NRM owes the sender for either outcome, with the reason of a rejection (encrypted, bound to
-- "referrals.cross_border_notice.reason:<notice id>").
alter table referrals.cross_border_package
    add column case_id     uuid,
    add column reviewed_at timestamptz,
    add column reviewed_by uuid;

create table referrals.cross_border_notice (
    id          uuid primary key,
    package_id  uuid        not null unique references referrals.cross_border_package (id),
    outcome     varchar(10) not null check (outcome in ('IMPORTED', 'REJECTED')),
    reason      text,  -- encrypted
    created_at  timestamptz not null
);
