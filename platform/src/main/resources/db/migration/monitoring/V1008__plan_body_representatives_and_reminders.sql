-- The co-ordinating body, continued: each member organisation names its representative (an official, by name,
-- function and work e-mail: nobody the NRM protects); a meeting's minutes carry a version so that two people
-- writing them at once cannot overwrite each other unseen; and the reminders of action items due soon or overdue,
-- one row per item and kind, so that the reminder job tells once even when two nodes run it at the same time.
alter table monitoring.plan_body_member
    add column representative          varchar(200),
    add column representative_function varchar(200),
    add column representative_email    varchar(254);

alter table monitoring.plan_body_meeting
    add column version integer not null default 0;

create table monitoring.plan_body_action_reminder (
    id          uuid primary key,
    action_id   uuid        not null references monitoring.plan_body_action (id),
    kind        varchar(10) not null check (kind in ('DUE_SOON', 'OVERDUE')),
    reminded_at timestamptz not null,
    unique (action_id, kind)
);
