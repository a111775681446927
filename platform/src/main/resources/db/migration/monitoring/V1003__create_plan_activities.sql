-- The activities of a measure: the steps its lead organisation plans and ticks off, each due within the measure's
-- period, with the day it was done.
create table monitoring.plan_activity (
    id          uuid primary key,
    measure_id  uuid          not null references monitoring.plan_measure (id),
    title       varchar(300)  not null,
    due_on      date          not null,
    done_on     date,
    created_at  timestamptz   not null
);
create index plan_activity_measure on monitoring.plan_activity (measure_id, due_on);
