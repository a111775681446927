-- Official returns (monitoring module, versions 1050-1099). A return sent for publication is a release of the
-- statistics module (its tables, the joint disclosure check, the second statistician's approval and the publication
-- ledger live there); here only which return it is, for which year, under which counting rules, and which release.
-- Codes only: nothing here names a person.
create schema if not exists monitoring;

create table monitoring.return_release (
    id                uuid        primary key,
    template          varchar(40) not null check (template ~ '^[a-z0-9-]{1,40}$'),
    period_year       smallint    not null check (period_year between 1990 and 2200),
    form_rule         varchar(30) not null check (form_rule in ('MAIN_FORM', 'EACH_FORM_MENTIONED')),
    year_basis        varchar(20) not null check (year_basis in ('REGISTRATION', 'DECISION')),
    reporting_country char(3)     not null check (reporting_country ~ '^[A-Z]{3}$'),
    release_id        uuid        not null unique,
    assembled_by      uuid        not null,
    assembled_at      timestamptz not null
);

create index return_release_template_year on monitoring.return_release (template, period_year);

-- What was sent stays as it was sent: a new return is a new row (and a new release), never an overwrite.
create function monitoring.return_release_is_kept() returns trigger language plpgsql as $$
begin
    raise exception 'returns sent for publication are kept: they cannot be changed or removed';
end;
$$;

create trigger return_release_is_kept
    before update or delete on monitoring.return_release
    for each row execute function monitoring.return_release_is_kept();

-- The population by year for rates per 100,000 (SDG 16.2.2), loaded from a file; a year loaded again replaces that
-- year's figures.
create table monitoring.return_population (
    population_year  smallint    not null check (population_year between 1990 and 2200),
    population_group varchar(10) not null check (population_group in ('TOTAL', 'FEMALE', 'MALE', 'CHILD', 'ADULT')),
    population       bigint      not null check (population > 0),
    primary key (population_year, population_group)
);
