-- NRM references (NRM-2026-000123) are numbered by one sequence per year instead of the row of
-- cases.reference_counter. The row was updated in the transaction that opened the case, so a transaction lost
-- in a crash took its increment with it, and the next referral received the same number; every referral also
-- waited for the one before it to commit, on that row's lock. A sequence hands out a number outside the
-- transaction and WAL-logs ahead of what it hands out, so after a crash or a rollback it continues beyond every
-- number it gave, never below: numbers can be skipped, never given twice. The unique constraint on
-- cases.case_file.reference (V400) refuses a duplicate whatever happens.

comment on table cases.reference_counter is
    'Last NRM reference number per year until V430; no longer written. cases.next_reference_number continues after it.';

-- The next number of a year. The year's sequence is created at its first referral, starting after the highest
-- number already given that year (in the old counter or in a reference), so existing references stay valid and
-- the numbering continues. Security definer: the sequences belong to the schema's owner, so that an application
-- role without the right to create objects (production, docs/operations-database.md) can still number cases.
create function cases.next_reference_number(for_year integer) returns bigint
    language plpgsql
    security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    sequence_name constant text := 'reference_number_' || for_year;
    found oid;
    given_before bigint;
begin
    if for_year is null or for_year not between 1000 and 9999 then
        raise exception 'An NRM reference year has four digits, not %', for_year using errcode = '22003';
    end if;
    -- looked up by oid in pg_class, not by name: a name looked up before another transaction created the
    -- sequence can stay cached as missing in this session
    select c.oid into found from pg_class c
     where c.relnamespace = 'cases'::regnamespace and c.relname = sequence_name and c.relkind = 'S';
    if found is null then
        -- one creator per year; the others wait here until it commits, then find its sequence (each statement of
        -- this function sees what was committed before it began)
        perform pg_advisory_xact_lock(hashtext('cases.next_reference_number'), for_year);
        select c.oid into found from pg_class c
         where c.relnamespace = 'cases'::regnamespace and c.relname = sequence_name and c.relkind = 'S';
        if found is null then
            select greatest(
                       (select max(r.last_number) from cases.reference_counter r where r.year = for_year),
                       (select max(substring(f.reference from '^NRM-[0-9]{4}-([0-9]+)$')::bigint)
                          from cases.case_file f where f.reference like 'NRM-' || for_year || '-%'),
                       0)
              into given_before;
            execute format('create sequence cases.%I as bigint start with %s no cycle', sequence_name, given_before + 1);
            select c.oid into found from pg_class c
             where c.relnamespace = 'cases'::regnamespace and c.relname = sequence_name and c.relkind = 'S';
        end if;
    end if;
    return nextval(found::regclass);
end
$$;

-- only the schema's owner numbers cases; production grants it to the application role
revoke all on function cases.next_reference_number(integer) from public;
