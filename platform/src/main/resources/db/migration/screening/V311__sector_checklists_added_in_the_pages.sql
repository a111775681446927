-- Sector checklists an administrator adds in the pages (agriculture, domestic work, ...) have no base in the jar:
-- their first version, r1, is kept here like every later version. Only shipped checklists start at r2 here.
alter table screening.checklist_version drop constraint checklist_version_number_check;
alter table screening.checklist_version add constraint checklist_version_number_check check (number >= 1);
