package org.opennrm.screening;

/** What a screening suggests to the screener. A suggestion with reasons, never an identification decision. */
public enum Suggestion {
    REFER_AS_PRESUMED_VICTIM,
    NO_REFERRAL_SUGGESTED
}
