-- Retention of the audit trail: the oldest entries may be removed once they are older than the jurisdiction's
-- period (opennrm.retention.audit), but only up to a signed checkpoint, so that verification can start there
-- instead of at the first entry. Each pruning is written here (append-only) and as an AUDIT_PRUNED entry of the
-- chain itself, whose keyed hash nobody without the audit key can forge.
create table access.audit_prune (
    id             bigint generated always as identity primary key,
    up_to_sequence bigint      not null,
    hash           char(64)    not null,
    entries        bigint      not null,
    pruned_at      timestamptz not null
);
comment on table access.audit_prune is
    'Where the audit chain starts after retention removed its oldest entries: the signed checkpoint pruned up to';
create trigger audit_prune_append_only
    before update or delete on access.audit_prune
    for each row execute function access.audit_entry_is_append_only();
create trigger audit_prune_no_truncate
    before truncate on access.audit_prune
    for each statement execute function access.audit_entry_is_append_only();

-- Entries and seals stay append-only, except that the pruning transaction may delete those sealed at or before
-- the sequence it names in its transaction-local setting opennrm.audit_prune_up_to. Anyone able to set it could
-- as well disable the triggers (a superuser); verification detects both (see AuditVerification).
create function access.audit_delete_only_when_pruning() returns trigger language plpgsql as $$
declare
    up_to bigint := nullif(current_setting('opennrm.audit_prune_up_to', true), '')::bigint;
begin
    -- nested, not joined with "and": PL/pgSQL may evaluate both sides, and an entry row has no sequence field
    if up_to is not null then
        if tg_table_name = 'audit_seal' then
            if old.sequence <= up_to then
                return old;
            end if;
        elsif exists (select 1 from access.audit_seal s where s.entry_id = old.id and s.sequence <= up_to) then
            return old;
        end if;
    end if;
    raise exception 'the audit trail is append-only';
end;
$$;

drop trigger audit_entry_append_only on access.audit_entry;
create trigger audit_entry_append_only
    before update on access.audit_entry
    for each row execute function access.audit_entry_is_append_only();
create trigger audit_entry_delete_only_when_pruning
    before delete on access.audit_entry
    for each row execute function access.audit_delete_only_when_pruning();

drop trigger audit_seal_append_only on access.audit_seal;
create trigger audit_seal_append_only
    before update on access.audit_seal
    for each row execute function access.audit_entry_is_append_only();
create trigger audit_seal_delete_only_when_pruning
    before delete on access.audit_seal
    for each row execute function access.audit_delete_only_when_pruning();
