-- Erasure of a person's case on request, and the legal hold that stops it (docs/retention-and-erasure.md).
-- An erased case keeps its codes, dates and reference (what statistics and the audit trail point to); its identity
-- and every free text are gone. A case on legal hold can be neither erased nor removed by the retention job.
alter table cases.case_file
    add column erased_at        timestamptz,
    add column legal_hold_since timestamptz,
    add column legal_hold_by    uuid;

-- the retention job looks for closed cases not yet erased
create index case_file_closed_not_erased on cases.case_file (closed_at) where erased_at is null and closed_at is not null;
