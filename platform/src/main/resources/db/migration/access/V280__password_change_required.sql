-- An account made with a password someone else chose (the first administrator of a new installation) must choose
-- its own before anything else: until then every page leads to the password form.
alter table access.account add column password_change_required boolean not null default false;
