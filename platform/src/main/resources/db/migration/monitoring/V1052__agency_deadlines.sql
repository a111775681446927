-- When each agency's figures for a year are due (set by the statistics office), and the reminders sent about them:
-- one "due soon" and one "overdue" per agency, year and due date, so that a reminder job run again, or twice at once,
-- tells once. Codes and dates only.
create table monitoring.return_agency_deadline (
    agency      varchar(30) not null
        check (agency in ('POLICE', 'PROSECUTION', 'COURTS', 'LABOUR_INSPECTORATE', 'FIU')),
    period_year smallint    not null check (period_year between 1990 and 2200),
    due_on      date        not null,
    set_by      uuid        not null,
    set_at      timestamptz not null,
    primary key (agency, period_year),
    -- figures for a year can only be complete after it: due at the earliest on 1 January of the next year
    check (due_on >= make_date(period_year + 1, 1, 1))
);

create table monitoring.return_agency_reminder (
    id          uuid        primary key,
    agency      varchar(30) not null,
    period_year smallint    not null,
    due_on      date        not null,
    kind        varchar(10) not null check (kind in ('DUE_SOON', 'OVERDUE')),
    reminded_at timestamptz not null,
    constraint return_agency_reminder_once unique (agency, period_year, due_on, kind)
);
