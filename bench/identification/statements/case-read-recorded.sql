\set n random(1, :cases)
with audit_recorded as (
    insert into access.audit_entry (recorded_at, account_id, username, organisation_id, action, record_type, record_id, detail, remote_address)
    values (now(), :account, 'casemanager', :organisation, 'READ', 'case', (select id::text from public.bench_ids where n = :n), null, '127.0.0.1')
    returning id),
audit_queued as (insert into access.audit_unsealed (entry_id) select id from audit_recorded)
select c.*,
    (select json_agg(x order by x.recorded_at, x.id) from cases.consent x where x.case_id = c.id) as consent_rows,
    (select json_agg(x order by x.recorded_at, x.id) from cases.decision x where x.case_id = c.id) as decision_rows,
    (select json_agg(x order by x.recorded_at, x.id) from cases.review x where x.case_id = c.id) as review_rows,
    (select json_agg(x order by x.occurred_on, x.id) from cases.timeline_event x where x.case_id = c.id) as event_rows,
    (select json_agg(x order by x.appointed_at, x.id) from cases.guardian_appointment x where x.case_id = c.id) as guardian_rows,
    (select json_agg(x order by x.recorded_at, x.id) from cases.best_interests_assessment x where x.case_id = c.id) as best_interests_rows,
    (select json_agg(x order by x.recorded_at, x.id) from cases.age_assessment x where x.case_id = c.id) as age_assessment_rows,
    p.*
from cases.case_file c join cases.person p on p.id = c.person_id
where c.id = (select id from public.bench_ids where n = :n);
