-- The version of the checklist a screening was answered with (border/r1 shipped, border/r2 and on saved by an
-- administrator in the pages), from the ScreeningCompleted event, so that screenings of different checklist versions
-- can be told apart. Screenings counted before this column stay null: they were all answered with version r1.
-- Like every value of the fact table it must look like a code.
alter table statistics.fact
    add column screening_checklist_version varchar(80)
        check (screening_checklist_version ~ '^[a-z0-9][a-z0-9-]{0,59}/r[0-9]{1,6}$');
