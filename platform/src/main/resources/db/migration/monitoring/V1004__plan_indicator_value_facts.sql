-- How many facts a computed indicator value rests on (for a count, the count; for a median, the decisions it is the
-- median of): disclosure control of the value for readers outside the statistics office needs it. Null for values
-- counted before it was kept (a median without it is withheld from those readers) and for reported values.
alter table monitoring.plan_indicator_value add column facts bigint check (facts >= 0);
