-- An SDG 16.2.2 return may state a completed hidden-number estimate as its total: the job it was sent with. The
-- estimate (a total and its interval, not a count of persons) is read from the job, which no longer changes once done.
alter table monitoring.return_release add column estimate_job uuid;
