package org.opennrm.access;

import org.springframework.modulith.NamedInterface;

/** What an audit entry records. Reads of personal data are logged as much as changes. */
@NamedInterface("audit")
public enum AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_OUT,
    SECOND_FACTOR_ENROLLED,
    SECOND_FACTOR_FAILED,
    SECOND_FACTOR_RESET,
    RECOVERY_CODE_USED,
    ACCOUNT_LOCKED,
    ACCOUNT_CREATED,
    ACCOUNT_CHANGED,
    PERMISSION_CHANGED,
    PASSWORD_CHANGED,
    TOKEN_CREATED,
    TOKEN_REVOKED,
    READ,
    CREATE,
    UPDATE,
    DELETE,
    EXPORT,
    /** Cases exported in the HTCDS layout for an exchange: the detail holds options and counts only. */
    HTCDS_EXPORT,
    SHARE,
    KEY_ROTATED,
    AUDIT_VERIFIED,
    /* releases of national statistics: each step is a fact of its own, so the trail shows who did which */
    RELEASE_ASSEMBLED,
    RELEASE_APPROVED,
    RELEASE_PUBLISHED,
    RELEASE_DOWNLOADED,
    /** A person's identity and free text removed from their case, on request or when its retention period ended. */
    ERASED,
    /** A case put on legal hold: neither erasure nor retention may remove it. */
    LEGAL_HOLD_PLACED,
    LEGAL_HOLD_RELEASED,
    /** The retention job ran; the detail holds the number of records of each kind it removed. */
    RETENTION_APPLIED,
    /**
     * Retention removed the oldest audit entries up to a signed checkpoint; the detail names its sequence and hash,
     * where verification starts from then on.
     */
    AUDIT_PRUNED
}
