package org.opennrm.cases.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.opennrm.access.Actor;
import org.opennrm.cases.DeadlineClock;
import org.opennrm.cases.IdentificationSettings;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the home page shows NRM staff and guardians about cases: the day's counts of due, overdue and new cases,
 * and a guardian's children's cases. Reads the case file table's plain columns only; nothing is decrypted, so
 * nothing here is a read of a case file (opening one from the panel is, and is logged there).
 */
@Service
public class WorkPanels {

    /** "New" on the home page: opened within this period. */
    static final Duration RECENT = Duration.ofDays(7);

    private final NrmQueue queue;
    private final DeadlineClock deadlines;
    private final IdentificationSettings settings;
    private final Clock clock;

    WorkPanels(NrmQueue queue, DeadlineClock deadlines, IdentificationSettings settings, Clock clock) {
        this.queue = queue;
        this.deadlines = deadlines;
        this.settings = settings;
        this.clock = clock;
    }

    /** The NRM's counts, with the same horizon as the queue's reminders so that both pages agree. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('cases:read:all')")
    public WorkSummary summary() {
        var today = LocalDate.now(clock);
        return queue.summary(
                today,
                deadlines.addWorkingDays(today, settings.reminderWorkingDays()),
                clock.instant().minus(RECENT));
    }

    /** The cases of which the signed-in person is the (last appointed) guardian. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('cases:read:own')")
    public List<GuardedCase> guardedCases() {
        var actor = Actor.current().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        return queue.guardedBy(actor.accountId());
    }

    public int reminderWorkingDays() {
        return settings.reminderWorkingDays();
    }
}
