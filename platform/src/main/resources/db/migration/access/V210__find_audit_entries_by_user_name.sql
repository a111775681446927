-- Administrators search the audit trail by user name as well as by account id: the name stored in each
-- entry also finds failed sign-ins with names that match no account, and accounts removed since.
create index audit_entry_username on access.audit_entry (lower(username), recorded_at);
