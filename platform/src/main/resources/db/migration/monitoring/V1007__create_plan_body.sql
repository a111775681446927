-- The co-ordinating body of the national response: its member organisations (from the registry) with their role,
-- its meetings (agenda, then minutes and decisions), and the action items decided at a meeting, each assigned to a
-- member organisation with a due date, optionally answering a measure of the action plan. Ids and texts about
-- what government and its partners do; nothing about a person.
create table monitoring.plan_body_member (
    organisation_id uuid primary key,
    role            varchar(20) not null check (role in ('CHAIR', 'MEMBER', 'OBSERVER')),
    since           date        not null
);

create table monitoring.plan_body_meeting (
    id        uuid primary key,
    held_on   date not null,
    agenda    text not null check (length(agenda) between 1 and 4000),
    minutes   text check (minutes is null or length(minutes) <= 8000),
    decisions text check (decisions is null or length(decisions) <= 8000)
);
create index plan_body_meeting_held on monitoring.plan_body_meeting (held_on desc);

create table monitoring.plan_body_action (
    id              uuid primary key,
    meeting_id      uuid         not null references monitoring.plan_body_meeting (id),
    what            varchar(500) not null check (length(what) >= 1),
    organisation_id uuid         not null,
    due_on          date         not null,
    measure_id      uuid references monitoring.plan_measure (id),
    done_on         date
);
create index plan_body_action_open on monitoring.plan_body_action (due_on) where done_on is null;
