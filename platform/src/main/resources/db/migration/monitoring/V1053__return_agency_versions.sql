-- Which version of each agency's approved figures a return was sent with (report_id null: the agency had no approved
-- figures for the period, and the return was published without it, saying so in its coverage). The figures themselves
-- are in the return's release (statistics.release, and the publication ledger once approved), through disclosure
-- control; this table only names their source, "as reported by <agency>, version N, approved on <date>".
create table monitoring.return_release_agency (
    return_id   uuid        not null references monitoring.return_release (id),
    agency      varchar(30) not null
        check (agency in ('POLICE', 'PROSECUTION', 'COURTS', 'LABOUR_INSPECTORATE', 'FIU')),
    period_year smallint    not null,
    report_id   uuid        references monitoring.return_agency_report (id),
    version     integer,
    approved_at timestamptz,
    primary key (return_id, agency),
    check ((report_id is null) = (version is null) and (report_id is null) = (approved_at is null))
);

create function monitoring.return_release_agency_is_kept() returns trigger language plpgsql as $$
begin
    raise exception 'what a return was sent with is kept';
end;
$$;

create trigger return_release_agency_is_kept
    before update or delete on monitoring.return_release_agency
    for each row execute function monitoring.return_release_agency_is_kept();
