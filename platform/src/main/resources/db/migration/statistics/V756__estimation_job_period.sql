-- An estimate on the platform's own lists (source CASES) states the period whose referrals its overlap table counts,
-- so that an official return can use it as the total of that year only (SDG 16.2.2) and say so.
alter table statistics.estimation_job
    add column first_year integer,
    add column last_year  integer,
    add constraint estimation_job_period check (
        (source = 'CASES') = (first_year is not null and last_year is not null)
        and (first_year is null or first_year <= last_year));
