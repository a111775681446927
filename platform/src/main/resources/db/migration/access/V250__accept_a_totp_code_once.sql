-- A second-factor code is accepted once only (RFC 6238, section 5.2): the time step of the last code accepted for an
-- account is kept, and a code of that step or an earlier one is refused. Without it, a code seen over someone's
-- shoulder or captured in transit could be used again within its 30-second window (and the one either side).
alter table access.account add column totp_last_step bigint;
comment on column access.account.totp_last_step is
    'Time step (Unix time / 30 s) of the last TOTP code accepted; codes of this step or earlier are refused';
