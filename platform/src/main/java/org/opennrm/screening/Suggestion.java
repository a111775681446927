package org.opennrm.screening;

import org.springframework.modulith.NamedInterface;

/** What a screening suggests to the screener. A suggestion with reasons, never an identification decision. */
@NamedInterface("events")
public enum Suggestion {
    REFER_AS_PRESUMED_VICTIM,
    NO_REFERRAL_SUGGESTED
}
