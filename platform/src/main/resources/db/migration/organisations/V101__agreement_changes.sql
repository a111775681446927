-- Agreements are changed at each review: keep when, and name each organisation only once per agreement.
alter table organisations.agreement
    add column updated_at timestamptz not null default now();

create unique index agreement_party_once on organisations.agreement_party (agreement, organisation);
