-- The result of a service that is applied for or claimed rather than simply delivered, as a code that statistics
-- counts (GRETA asks for residence permits applied for and granted, compensation claimed and granted, returns with
-- their safety assessment): a permit applied for, granted or refused; compensation claimed, awarded or refused; a safe
-- return with or without an assessment of its risks. Null for other services. Permits recorded before this column
-- carry their expiry date: they were granted.
alter table assistance.service
    add column result varchar(20)
        check (result in ('APPLIED', 'GRANTED', 'REFUSED', 'CLAIMED', 'AWARDED', 'SAFETY_ASSESSED',
                          'NOT_SAFETY_ASSESSED'));
update assistance.service set result = 'GRANTED'
    where type in ('TEMPORARY_RESIDENCE_PERMIT', 'PERMANENT_RESIDENCE_PERMIT') and expires_on is not null;
update assistance.service set result = 'CLAIMED'
    where type in ('COMPENSATION_CLAIM_OFFENDER', 'COMPENSATION_CLAIM_STATE_FUND');
