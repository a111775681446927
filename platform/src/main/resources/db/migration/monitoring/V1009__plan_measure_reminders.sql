-- Reminders to the organisations that lead the action plan's measures: a status report is due when the last one (or
-- the measure's start, when none was made) is older than the reporting interval; a measure is overdue when its due
-- date has passed and it is neither done nor dropped. One row per measure, kind and date, so that a reminder job
-- run again, or on two nodes at once, tells once; a new report (or a new due date) makes a new date.
create table monitoring.plan_measure_reminder (
    id          uuid primary key,
    measure_id  uuid        not null references monitoring.plan_measure (id),
    kind        varchar(10) not null check (kind in ('REPORT_DUE', 'OVERDUE')),
    due_on      date        not null,
    reminded_at timestamptz not null,
    unique (measure_id, kind, due_on)
);
