-- Procurement risk checklists a procurement office filled in per tender (and supplier): the sector, the checklist
-- version, each answer, and the risk level they gave. Belongs to the office that filled it in.
create table prevention.procurement_checklist (
    id                 uuid primary key,
    organisation_id    uuid         not null,
    tender_reference   varchar(40)  not null check (tender_reference ~ '^[A-Za-z0-9][A-Za-z0-9/._-]{0,39}$'),
    supplier_id        uuid references prevention.supplier (id),
    sector             varchar(40)  not null check (sector ~ '^[A-Z_]+$'),
    checklist_version  varchar(20)  not null,
    score              numeric(5, 1) not null check (score >= 0),
    risk_level         varchar(10)  not null check (risk_level in ('LOW', 'MEDIUM', 'HIGH')),
    filled_by          uuid         not null,
    filled_at          timestamptz  not null
);

create table prevention.procurement_answer (
    checklist_id  uuid        not null references prevention.procurement_checklist (id),
    question      varchar(60) not null check (question ~ '^[A-Z_]+$'),
    answer        varchar(10) not null check (answer in ('YES', 'NO', 'UNKNOWN')),
    primary key (checklist_id, question)
);

create index procurement_checklist_organisation on prevention.procurement_checklist (organisation_id, filled_at desc);
