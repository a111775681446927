-- New facts GRETA and the TIP report ask for: recovery and reflection periods granted with their length (a band of
-- days), decisions on residence permits and compensation claims (the result in decision_outcome, like an
-- identification decision's outcome), offences recorded under the non-punishment principle.
--
-- The event kind is checked as a code from here on rather than against a list: the list is EventKind, every fact is
-- written from it, and a fixed list here had to be rewritten by every change that adds an event.
alter table statistics.fact drop constraint fact_event_kind_check;
alter table statistics.fact add constraint fact_event_kind_check check (event_kind ~ '^[A-Z_]{1,40}$');

-- as in V700: codes only
alter table statistics.fact
    add column period_band varchar(20)
        check (period_band in ('DAYS_UP_TO_30', 'DAYS_31_TO_60', 'DAYS_61_TO_90', 'DAYS_91_TO_180', 'DAYS_OVER_180'));
