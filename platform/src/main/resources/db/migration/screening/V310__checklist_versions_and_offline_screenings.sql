-- Checklists the NRM changes in the pages. The checklists shipped in the jar are version r1 of each and stay
-- the base; every change an administrator saves is a whole new version of one checklist, kept for good, so
-- that a screening made with an older version is still read with the questions it was answered with.
create table screening.checklist_version (
    checklist   varchar(60)  not null,
    number      integer      not null check (number >= 2),
    version     varchar(80)  not null unique,
    -- the whole checklist as JSON: sections, questions, the indicators each stands for, and the texts of
    -- questions added in the pages in every platform language (no identity: texts the NRM wrote)
    definition  jsonb        not null,
    changed_by  uuid         not null,
    changed_at  timestamptz  not null,
    primary key (checklist, number)
);

-- A screening made on a phone without a network carries a key made on the phone: sending it again (the
-- network dropped before the answer arrived) finds the screening already saved instead of saving it twice.
alter table screening.screening add column idempotency_key uuid;
create unique index screening_once_per_key on screening.screening (organisation_id, idempotency_key)
    where idempotency_key is not null;
