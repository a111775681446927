-- Which referral fact a case opened, so that a trafficking profile changed after the referral reaches the fact
-- (cases announce ProfileChanged). Like statistics.encounter_case (V705) this holds an opaque case id and nothing
-- else, is never published and is read by no module but statistics; the fact itself still holds no id. Referrals
-- recorded before this version have no row here: their facts keep the profile given at referral. fact_id is not a
-- foreign key, so that the facts can be emptied on their own (tests do); a row whose fact is gone changes nothing.
create table statistics.referral_case (
    case_id uuid   primary key,
    fact_id bigint not null unique
);
