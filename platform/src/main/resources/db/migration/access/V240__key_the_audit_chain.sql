-- The chain's hashes become keyed (HMAC-SHA256 under a key kept outside the database, AuditKey), so that someone
-- with superuser rights who edits an entry can no longer recompute its hash and the hashes after it.
--
-- Seals written until now are plain SHA-256 and stay exactly as they are (nothing is re-hashed or dropped): they are
-- marked as such, and verification keeps checking them with SHA-256. They are protected from now on by the first
-- keyed seal after them, whose keyed hash covers the hash of the last of them, and by the signed checkpoints that
-- the platform publishes outside the database from its first start after this upgrade. Every seal after the first
-- checkpoint must be keyed; a plain seal there is reported as a re-hashed entry.
alter table access.audit_seal add column scheme varchar(20) not null default 'sha256';
-- no default from now on: the sealer names the scheme of every seal it writes
alter table access.audit_seal alter column scheme drop default;
alter table access.audit_seal add constraint audit_seal_scheme check (scheme in ('sha256', 'hmac-sha256'));
comment on column access.audit_seal.scheme is
    'How hash was made: sha256 (seals written before V240, unkeyed) or hmac-sha256 (keyed, the key outside the database)';

-- the view the trail is read through shows the scheme too (a column added at the end, so the view can be replaced)
create or replace view access.audit_trail as
select e.id, s.sequence, e.recorded_at, e.account_id, e.username, e.organisation_id, e.action, e.record_type,
       e.record_id, e.detail, e.remote_address, s.previous_hash, s.hash, s.scheme
from access.audit_entry e
left join access.audit_seal s on s.entry_id = e.id;
