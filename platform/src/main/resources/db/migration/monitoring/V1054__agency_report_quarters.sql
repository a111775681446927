-- Agencies may report a quarter as well as a year (issue 20): the US TIP report's year runs April to March, and only
-- quarters add up to it. period_quarter null is a report for the whole year (every report before this one); 1 to 4 is
-- that quarter of period_year. Versions count per agency and period.
alter table monitoring.return_agency_report
    add column period_quarter smallint check (period_quarter between 1 and 4);

alter table monitoring.return_agency_report
    drop constraint return_agency_report_agency_period_year_version_key;

create unique index return_agency_report_period_version
    on monitoring.return_agency_report (agency, period_year, coalesce(period_quarter, 0), version);

create or replace function monitoring.return_agency_report_is_kept() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'agency reports are kept: report % cannot be deleted', old.id;
    end if;
    if old.status <> 'SUBMITTED' or new.status <> 'APPROVED' or new.id <> old.id or new.agency <> old.agency
            or new.period_year <> old.period_year or new.period_quarter is distinct from old.period_quarter
            or new.version <> old.version or new.reason is distinct from old.reason or new.flags <> old.flags then
        raise exception 'agency report % cannot be changed; a correction is a new version', old.id;
    end if;
    return new;
end;
$$;

-- A return sent with an agency's four quarters names each of them: one line per agency and period (the quarter null
-- for a year's figures, or for an agency without approved figures).
alter table monitoring.return_release_agency
    add column period_quarter smallint check (period_quarter between 1 and 4);

alter table monitoring.return_release_agency
    drop constraint return_release_agency_pkey;

create unique index return_release_agency_period
    on monitoring.return_release_agency (return_id, agency, period_year, coalesce(period_quarter, 0));
