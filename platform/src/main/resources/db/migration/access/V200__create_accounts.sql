-- Accounts of the people who work in the NRM. Version numbers 200-299 belong to the access module.
create schema if not exists access;

create table access.account (
    id                   uuid primary key,
    username             varchar(100) not null,
    display_name         varchar(200) not null,
    email                varchar(320),
    organisation_id      uuid         not null references organisations.organisation (id),
    password_hash        varchar(200),
    roles                varchar(40)[] not null,
    enabled              boolean      not null default true,
    failed_sign_ins      integer      not null default 0,
    locked_until         timestamptz,
    -- the TOTP shared secret, encrypted with the identity key (it is a credential)
    totp_secret          text,
    totp_confirmed_at    timestamptz,
    -- hashes of unused one-time recovery codes
    recovery_codes       varchar(200)[] not null default '{}',
    version              integer      not null default 0,
    created_at           timestamptz  not null default now()
);
create unique index account_username_unique on access.account (lower(username));
create index account_organisation on access.account (organisation_id);

-- Personal access tokens for API clients: only a hash is kept; the token is shown once.
create table access.access_token (
    id           uuid primary key,
    account_id   uuid         not null references access.account (id),
    name         varchar(100) not null,
    token_hash   varchar(100) not null unique,
    grants       varchar(100)[] not null,
    created_at   timestamptz  not null default now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index access_token_account on access.access_token (account_id);
