-- Aggregate criminal-justice counts that only the agencies hold (police, prosecution, courts, labour inspectorate,
-- financial intelligence unit), reported per year for the official returns. Counts by codes only: no person, no case,
-- no free text but a correction's reason. Every upload is a new version; a correction after approval is a new version
-- with its reason; nothing is overwritten (the trigger refuses it) except the approval of a version awaiting it.
create table monitoring.return_agency_report (
    id              uuid         primary key,
    agency          varchar(30)  not null
        check (agency in ('POLICE', 'PROSECUTION', 'COURTS', 'LABOUR_INSPECTORATE', 'FIU')),
    period_year     smallint     not null check (period_year between 1990 and 2200),
    version         integer      not null check (version >= 1),
    status          varchar(20)  not null check (status in ('SUBMITTED', 'APPROVED')),
    reason          varchar(500),
    flags           varchar(2000) not null default '',
    organisation_id uuid         not null,
    submitted_by    uuid         not null,
    submitted_at    timestamptz  not null,
    approved_by     uuid,
    approved_at     timestamptz,
    unique (agency, period_year, version),
    check ((status = 'APPROVED') = (approved_by is not null and approved_at is not null)),
    check (approved_by is null or approved_by <> submitted_by)
);

create table monitoring.return_agency_count (
    report_id uuid        not null references monitoring.return_agency_report (id),
    measure   varchar(40) not null check (measure ~ '^[A-Z_]{1,40}$'),
    sex       varchar(10) not null check (sex in ('FEMALE', 'MALE', 'UNKNOWN', 'ALL')),
    age_group varchar(10) not null check (age_group in ('CHILD', 'ADULT', 'UNKNOWN', 'ALL')),
    form      varchar(40) not null check (form ~ '^[A-Z_]{1,40}$'),
    count     bigint      not null check (count >= 0),
    primary key (report_id, measure, sex, age_group, form)
);

create function monitoring.return_agency_report_is_kept() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'agency reports are kept: report % cannot be deleted', old.id;
    end if;
    if old.status <> 'SUBMITTED' or new.status <> 'APPROVED' or new.id <> old.id or new.agency <> old.agency
            or new.period_year <> old.period_year or new.version <> old.version
            or new.reason is distinct from old.reason or new.flags <> old.flags then
        raise exception 'agency report % cannot be changed; a correction is a new version', old.id;
    end if;
    return new;
end;
$$;

create trigger return_agency_report_is_kept
    before update or delete on monitoring.return_agency_report
    for each row execute function monitoring.return_agency_report_is_kept();

create function monitoring.return_agency_count_is_kept() returns trigger language plpgsql as $$
begin
    raise exception 'agency counts are kept: a correction is a new version';
end;
$$;

create trigger return_agency_count_is_kept
    before update or delete on monitoring.return_agency_count
    for each row execute function monitoring.return_agency_count_is_kept();
