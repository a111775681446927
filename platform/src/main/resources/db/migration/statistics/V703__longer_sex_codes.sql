-- HTCDS gender codes written as fact codes reach 21 characters (TRANSGENDER_MASCULINE): the column of V700 was
-- too short for them. Still a code: capitals and underscores only.
alter table statistics.fact drop constraint fact_sex_check;
alter table statistics.fact alter column sex type varchar(40);
alter table statistics.fact add constraint fact_sex_check check (sex ~ '^[A-Z_]{1,40}$');
