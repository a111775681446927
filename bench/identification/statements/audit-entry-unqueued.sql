\set n random(1, :cases)
insert into access.audit_entry (recorded_at, account_id, username, organisation_id, action, record_type, record_id, detail, remote_address)
    values (now(), :account, 'casemanager', :organisation, 'READ', 'case', (select id::text from public.bench_ids where n = :n), null, '127.0.0.1');
