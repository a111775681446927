-- The texts written about a person in assistance (need notes, plan items, service outcomes, the offence and note of a
-- non-punishment record, the reason for closure) are encrypted from V602 on: a ciphertext is longer than the length
-- the columns held, and a need, whose key is its case and area, gets one column to bind its note to.
alter table assistance.plan_item alter column text type text;
alter table assistance.service alter column outcome type text;
alter table assistance.non_punishment alter column offence type text;
alter table assistance.non_punishment alter column note type text;
alter table assistance.closure alter column reason type text;
alter table assistance.need add column need_key text generated always as (case_id::text || ':' || area) stored;
alter table assistance.need add constraint need_key_once unique (need_key);
