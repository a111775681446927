-- The packages this NRM sent to the NRMs of other countries, and what became of each: the signed notice the receiver
-- sends back (imported, or rejected with a reason) is read here and recorded once against the package it answers.
-- The reason is encrypted, bound to "referrals.cross_border_sent.reason:<package id>". Case ids and codes only.
create table referrals.cross_border_sent (
    package_id       uuid primary key,
    case_id          uuid        not null,
    case_reference   varchar(20) not null,
    receiver_country varchar(3)  not null,
    sent_at          timestamptz not null,
    sent_by          uuid        not null,
    notice_id        uuid unique,
    outcome          varchar(10) check (outcome in ('IMPORTED', 'REJECTED')),
    reason           text,  -- encrypted
    answered_at      timestamptz,
    constraint cross_border_sent_answer_whole
        check ((notice_id is null) = (outcome is null) and (notice_id is null) = (answered_at is null))
);
create index cross_border_sent_at on referrals.cross_border_sent (sent_at desc);
