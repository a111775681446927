-- The yearly public report on an action plan: drafted by the co-ordinator (introduction and commentary editable while
-- a draft), approved by someone else, then published. Its statistics come from one approved release of the statistics
-- office (release_id, read through statistics.publishing). Publishing freezes the report: one edition per language,
-- the HTML as the public reads it and the PDF, never changed afterwards.
create table monitoring.plan_report (
    id               uuid primary key,
    plan_id          uuid          not null references monitoring.plan_plan (id),
    year             integer       not null check (year between 1990 and 2200),
    title            varchar(300)  not null,
    introduction     text          not null default '',
    commentary       text          not null default '',
    release_id       uuid,
    status           varchar(20)   not null check (status in ('DRAFT', 'APPROVED', 'PUBLISHED')),
    version          integer       not null,
    drafted_by       uuid          not null,
    drafted_by_name  varchar(100)  not null,
    drafted_at       timestamptz   not null,
    approved_by      uuid,
    approved_by_name varchar(100),
    approved_at      timestamptz,
    published_at     timestamptz,
    constraint plan_report_approved_by_another check (approved_by is null or approved_by <> drafted_by),
    constraint plan_report_published_was_approved check (status <> 'PUBLISHED' or approved_at is not null)
);
create index plan_report_plan on monitoring.plan_report (plan_id);

create table monitoring.plan_report_edition (
    report_id  uuid         not null references monitoring.plan_report (id),
    language   varchar(10)  not null,
    html       text         not null,
    pdf        bytea        not null,
    primary key (report_id, language)
);

-- a published edition is never changed or removed
create function monitoring.plan_report_edition_frozen() returns trigger language plpgsql as $$
begin
    raise exception 'a published report edition is never changed';
end $$;
create trigger plan_report_edition_frozen before update or delete on monitoring.plan_report_edition
    for each row execute function monitoring.plan_report_edition_frozen();
