-- Case notes and the contact log: what a case manager writes down about a case, and each contact with the person
-- (a call, a visit, a meeting, a message). The text is encrypted like every free text about a person (context
-- "cases.case_note.text:<id>"); kind, channel and date are codes, for the list. Never changed or deleted by the
-- platform (a correction is a new note); erasure empties the text with the rest of the case.
create table cases.case_note (
    id           uuid primary key,
    case_id      uuid        not null references cases.case_file (id),
    kind         varchar(10) not null check (kind in ('NOTE', 'CONTACT')),
    channel      varchar(10) check (channel in ('PHONE', 'VISIT', 'MEETING', 'MESSAGE', 'VIDEO')),
    occurred_on  date        not null,
    text         text        not null,  -- encrypted
    recorded_at  timestamptz not null,
    recorded_by  uuid        not null,
    check ((kind = 'CONTACT') = (channel is not null))
);
create index case_note_case on cases.case_note (case_id, occurred_on desc, recorded_at desc);
