-- The region typed on an anonymous notification is free text and is encrypted from V440 on: a ciphertext is longer
-- than the 100 characters the column held.
alter table cases.anonymous_notification alter column region type text;
