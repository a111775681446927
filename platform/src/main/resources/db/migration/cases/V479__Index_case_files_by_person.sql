-- The case search finds persons through the name index and then their case files by person: without this index
-- every search read all case files (a sequential scan of 100,000 rows was most of a search's database time at
-- 100,000 cases; bench/identification/search-ab.sh). A person's other cases and the erasure of a person use it too.
create index if not exists case_file_person on cases.case_file (person_id);
