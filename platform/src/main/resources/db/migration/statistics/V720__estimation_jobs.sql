-- Estimates of the hidden number run as background jobs: a long fit never holds a web request. A job keeps the
-- aggregate list-overlap table it estimates (counts per combination of lists, never a person), how far it got and
-- its result. Jobs left RUNNING when the platform stopped are marked FAILED at the next start.
create table statistics.estimation_job (
    id                 uuid primary key,
    status             varchar(20)  not null check (status in ('SUBMITTED', 'RUNNING', 'DONE', 'FAILED')),
    stage              varchar(20)  check (stage in ('LOG_LINEAR', 'LATENT_CLASS')),
    progress           integer      not null default 0 check (progress between 0 and 100),
    source             varchar(20)  not null check (source in ('TABLE', 'LINKAGE_RUN', 'CASES')),
    linkage_run_id     uuid,
    linkage_threshold  double precision,
    overlap_table      text         not null,
    lists              integer      not null check (lists >= 3),
    classes            integer      not null,
    burn_in            integer      not null,
    samples            integer      not null,
    thinning           integer      not null,
    seed               bigint       not null,
    time_limit_seconds integer      not null check (time_limit_seconds > 0),
    result             jsonb,
    failure            text,
    submitted_by       uuid,
    submitted_at       timestamptz  not null,
    started_at         timestamptz,
    finished_at        timestamptz,
    check ((source = 'LINKAGE_RUN') = (linkage_run_id is not null and linkage_threshold is not null)),
    check ((status = 'DONE') = (result is not null)),
    check ((status = 'FAILED') = (failure is not null))
);

create index estimation_job_status on statistics.estimation_job (status) where status in ('SUBMITTED', 'RUNNING');
