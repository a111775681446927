-- The chain moves out of the entries into a table of its own, appended to and never updated.
--
-- Why: sealing used to update the entry it sealed (its sequence number and hashes). Those columns are indexed,
-- so PostgreSQL could never update in place: every audited read of a case wrote its entry twice, into all seven
-- indexes twice, and left a dead row for vacuum. Sealing was the most expensive statement of a case view. Now an
-- entry is written once, and its seal (number and hashes) is one more row in audit_seal.
--
-- How the sealer finds what to seal: the statement that writes an entry also queues its id in audit_unsealed, in
-- the same transaction, so the id becomes visible to the sealer exactly when the entry is committed, and never
-- for work that was rolled back. The sealer deletes the ids it seals in the transaction that writes their seals.

create table access.audit_seal (
    sequence      bigint   primary key,
    entry_id      bigint   not null unique,
    previous_hash char(64) not null,
    hash          char(64) not null
);
comment on table access.audit_seal is
    'The hash chain over access.audit_entry: one row per sealed entry, appended by AuditChain, never changed';

create table access.audit_unsealed (
    entry_id bigint primary key
);
comment on table access.audit_unsealed is
    'Entries committed but not yet sealed into the chain: a queue that AuditChain empties';

insert into access.audit_seal (sequence, entry_id, previous_hash, hash)
select sequence, id, previous_hash, hash from access.audit_entry where hash is not null;
insert into access.audit_unsealed (entry_id)
select id from access.audit_entry where hash is null;

alter table access.audit_entry drop constraint audit_entry_sealed_whole;
drop index access.audit_entry_unsealed;
alter table access.audit_entry drop constraint audit_entry_sequence_unique;
alter table access.audit_entry drop column sequence, drop column previous_hash, drop column hash;

-- Append-only again without exception: no update of an entry is allowed any more, and its seal is never changed
-- or removed either. A superuser can still disable the triggers; verification detects what they did.
create or replace function access.audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only';
end;
$$;
create trigger audit_seal_append_only
    before update or delete on access.audit_seal
    for each row execute function access.audit_entry_is_append_only();
create trigger audit_seal_no_truncate
    before truncate on access.audit_seal
    for each statement execute function access.audit_entry_is_append_only();

-- The trail as it is read (search, exports, tests): each entry with its place in the chain, empty until sealed.
create view access.audit_trail as
select e.id, s.sequence, e.recorded_at, e.account_id, e.username, e.organisation_id, e.action, e.record_type,
       e.record_id, e.detail, e.remote_address, s.previous_hash, s.hash
from access.audit_entry e
left join access.audit_seal s on s.entry_id = e.id;
