-- Notifications: telling people that work waits for them, on the platform and by e-mail. Version numbers 900-999
-- belong to the notifications module. Nothing here identifies a victim: a notification holds its kind, a link into
-- the platform (where every page checks its own permission and logs its reads) and the opaque id of the fact it
-- tells about, never a name, a reference or case content; the e-mail says the same in words.
create schema if not exists notifications;

create table notifications.notification (
    id          uuid primary key,       -- derived from kind, fact and account: an event delivered twice tells once
    account_id  uuid         not null,
    kind        varchar(40)  not null,
    link        varchar(200) not null,
    created_at  timestamptz  not null,
    read_at     timestamptz
);
create index notification_account on notifications.notification (account_id, created_at desc);

-- The e-mails to send, written in the same transaction as their notification (a transactional outbox): an e-mail
-- is never lost when the mail server is down, and never sent for a notification that was not recorded. Sent by
-- notifications.MailOutbox, retried with a growing delay, given up after a number of attempts (status FAILED).
create table notifications.outbox (
    id               uuid primary key,
    notification_id  uuid         not null references notifications.notification (id) on delete cascade,
    recipient        varchar(320) not null,
    language         varchar(8)   not null,
    status           varchar(10)  not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    sent_at          timestamptz,
    last_error       varchar(300)
);
create index outbox_pending on notifications.outbox (next_attempt_at) where status = 'PENDING';
