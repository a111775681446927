-- HTCDS exports of cases for an authorised exchange (docs/htcds-export.md).

-- The secret behind exchange pseudonyms. A case's pseudonym for a receiving organisation is
-- HMAC-SHA256(secret, receiver id ":" case id): a receiver can follow its cases from one export to the next,
-- two receivers cannot join their files, and no pseudonym leads back to a case without this secret.
-- gen_random_uuid() gives 122 random bits; two of them make the secret.
create table cases.exchange_secret (
    id smallint primary key check (id = 1),
    secret text not null,
    created_at timestamptz not null default now()
);

insert into cases.exchange_secret (id, secret)
values (1, replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''));

-- exports choose cases by the period of referral
create index case_file_referred_on on cases.case_file (referred_on);
