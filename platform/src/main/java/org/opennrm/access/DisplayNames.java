package org.opennrm.access;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.opennrm.ChangeCount;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The display names of accounts, as pages show them beside a decision or a guardian appointment. A name read is
 * kept until an account changes through this process ({@link AccountChanges}) or for
 * {@code opennrm.accounts.display-name-ttl} (default 1 min), for changes made by another instance. Why: every
 * case page with a decision asked the database for the decision-makers' names, names that change rarely.
 * Only professionals' names are kept here, never a person's.
 */
@Component
class DisplayNames {

    /** Names kept at most; a page asks for a few, an installation has hundreds or thousands of accounts. */
    private static final int MOST_KEPT = 10_000;

    private record Kept(String name, ChangeCount.Mark read) {}

    private final Accounts accounts;
    private final AccountChanges changes;
    private final long timeToLiveNanos;
    private final Map<UUID, Kept> kept = new ConcurrentHashMap<>();

    DisplayNames(
            Accounts accounts,
            AccountChanges changes,
            @Value("${opennrm.accounts.display-name-ttl:PT1M}") Duration timeToLive) {
        this.accounts = accounts;
        this.changes = changes;
        this.timeToLiveNanos = timeToLive.toNanos();
    }

    /** The names of those of {@code ids} that are accounts; others are left out. */
    Map<UUID, String> of(Collection<UUID> ids) {
        var names = new HashMap<UUID, String>();
        var missing = new HashSet<UUID>();
        for (var id : ids) {
            var known = kept.get(id);
            if (known != null && changes.current(known.read(), timeToLiveNanos)) {
                names.put(id, known.name());
            } else if (id != null) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            var mark = changes.mark();
            var read = accounts.displayNames(missing);
            if (kept.size() > MOST_KEPT) {
                kept.clear();
            }
            read.forEach((id, name) -> kept.put(id, new Kept(name, mark)));
            names.putAll(read);
        }
        return names;
    }
}
