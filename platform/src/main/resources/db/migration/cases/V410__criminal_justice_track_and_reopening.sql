-- The restricted criminal-justice track of a case, kept in a table of its own so that no query of assistance
-- or referrals reads it by accident. Co-operation is recorded here and nowhere else.
create table cases.criminal_justice_track (
    case_id             uuid primary key references cases.case_file (id),
    proceedings         text,
    status              varchar(30) not null,
    protection_measures text,
    cooperation         varchar(10) not null,
    updated_at          timestamptz not null,
    updated_by          uuid        not null
);

-- Reopenings of closed cases, with the reason given (no personal data).
create table cases.reopening (
    id          uuid primary key,
    case_id     uuid        not null references cases.case_file (id),
    reason      text        not null,
    reopened_at timestamptz not null,
    reopened_by uuid        not null
);
create index reopening_case on cases.reopening (case_id, reopened_at);
