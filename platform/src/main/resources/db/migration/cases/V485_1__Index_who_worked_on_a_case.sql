-- "Mine" in the case list is the set of cases a person referred, decided, reviewed, wrote a note or uploaded a
-- document in, or is the guardian of; each part is read through an index on who did it (without them "mine" read
-- every case file and decision: one second at 100,000 cases).
create index if not exists case_file_referred_by on cases.case_file (referred_by);
create index if not exists decision_decided_by on cases.decision (decided_by);
create index if not exists review_recorded_by on cases.review (recorded_by);
create index if not exists case_note_recorded_by on cases.case_note (recorded_by);
create index if not exists case_document_uploaded_by on cases.case_document (uploaded_by);
create index if not exists guardian_appointment_guardian on cases.guardian_appointment (guardian_account_id);
-- the list's order (newest referral first, then reference) read from an index instead of sorting a whole day's cases
create index if not exists case_file_listed on cases.case_file (referred_on desc, reference desc);
drop index if exists cases.case_file_referred_on;
