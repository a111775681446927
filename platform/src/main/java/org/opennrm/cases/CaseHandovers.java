package org.opennrm.cases;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * Where cases went when they were handed to another organisation. Transfers are recorded by the {@code referrals}
 * module, which depends on {@code cases}; this interface lets the HTCDS export here read them without {@code cases}
 * depending on {@code referrals} (referrals provides the implementation; without one, no case has a handover).
 */
public interface CaseHandovers {

    /** The latest handover of a case: the organisation that received it and the day. */
    record Handover(UUID organisationId, LocalDate on) {}

    /** The latest handover of every case that was ever handed over. */
    Map<CaseId, Handover> latestOfEveryCase();
}
