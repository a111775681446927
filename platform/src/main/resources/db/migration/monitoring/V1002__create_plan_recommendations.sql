-- The register of recommendations made to the country (GRETA, the TIP report, UN treaty bodies, the UPR, the EU, the
-- national rapporteur), each linked to the action plans' measures that answer it, with the government's response.
create table monitoring.plan_recommendation (
    id                  uuid primary key,
    source              varchar(30)   not null
        check (source in ('GRETA', 'TIP_REPORT', 'UN_TREATY_BODY', 'UPR', 'EU', 'NATIONAL_RAPPORTEUR')),
    reference           varchar(200)  not null,
    issued_on           date          not null,
    text                text          not null,
    government_response text,
    implementation      varchar(30)   not null
        check (implementation in ('NOT_ASSESSED', 'NOT_IMPLEMENTED', 'PARTIALLY_IMPLEMENTED', 'IMPLEMENTED')),
    version             integer       not null default 0,
    created_at          timestamptz   not null
);

create table monitoring.plan_recommendation_measure (
    recommendation_id uuid         not null references monitoring.plan_recommendation (id),
    measure_id        uuid         not null references monitoring.plan_measure (id),
    linked_at         timestamptz  not null,
    linked_by         varchar(100),
    primary key (recommendation_id, measure_id)
);
create index plan_recommendation_measure_measure on monitoring.plan_recommendation_measure (measure_id);
