-- The referring organisation of every case opened before the notifications module existed, so that a decision on
-- such a case tells its referrer too (the listener refuses a decision on a case it has not seen opened). Opaque
-- ids only, copied once; from here on the CaseOpened event fills this table.
insert into notifications.case_referrer (case_id, organisation_id)
select id, referring_organisation_id from cases.case_file
on conflict (case_id) do nothing;
