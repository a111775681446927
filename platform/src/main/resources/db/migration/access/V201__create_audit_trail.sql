-- The audit trail: append-only and hash-chained. Each entry's hash covers its content and the hash of
-- the entry before it, so that editing or deleting any past entry breaks the chain from there on.
create table access.audit_entry (
    sequence        bigint primary key,
    recorded_at     timestamptz  not null,
    account_id      uuid,
    username        varchar(100),
    organisation_id uuid,
    action          varchar(40)  not null,
    record_type     varchar(60),
    record_id       varchar(100),
    detail          varchar(500),
    remote_address  varchar(64),
    previous_hash   char(64)     not null,
    hash            char(64)     not null
);
create index audit_entry_record on access.audit_entry (record_type, record_id);
create index audit_entry_account on access.audit_entry (account_id, recorded_at);
create index audit_entry_time on access.audit_entry (recorded_at);

-- The application may only append. A database superuser can still disable this trigger, which is
-- why the chain exists: verification detects what the trigger could not prevent.
create function access.audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only';
end;
$$;
create trigger audit_entry_append_only
    before update or delete on access.audit_entry
    for each row execute function access.audit_entry_is_append_only();
create trigger audit_entry_no_truncate
    before truncate on access.audit_entry
    for each statement execute function access.audit_entry_is_append_only();
