\set n random(1, :cases)
with audit_recorded as (
    insert into access.audit_entry (recorded_at, account_id, username, organisation_id, action, record_type, record_id, detail, remote_address)
    values (now(), :account, 'casemanager', :organisation, 'READ', 'case', (select id::text from public.bench_ids where n = :n), null, '127.0.0.1')
    returning id),
audit_queued as (insert into access.audit_unsealed (entry_id) select id from audit_recorded)
select 1;
