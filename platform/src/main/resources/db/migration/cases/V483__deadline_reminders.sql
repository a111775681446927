-- Reminders ahead of a decision's deadline: one row per case, kind of decision and due day, written by the reminder
-- job in the same transaction as the event that tells the notifications module. The key makes a reminder happen once
-- whatever the number of nodes and restarts (a second insert of the same key, even concurrent, does nothing); a
-- deadline moved to another day (a reopened case, a new period) is a new reminder. Codes, ids and a date only.
create table cases.deadline_reminder (
    id          uuid primary key,
    case_id     uuid        not null references cases.case_file (id),
    due_kind    varchar(30) not null check (due_kind in ('PRELIMINARY_DECISION', 'FORMAL_DECISION')),
    due_on      date        not null,
    reminded_at timestamptz not null,
    constraint deadline_reminder_once unique (case_id, due_kind, due_on)
);
