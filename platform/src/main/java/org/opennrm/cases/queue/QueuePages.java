package org.opennrm.cases.queue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.opennrm.ChangeCount;
import org.opennrm.KeptPage;
import org.opennrm.cases.CaseFileChanges;
import org.opennrm.cases.CaseManagement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The content of the NRM queue page (title, search, reminders, what is due, paging), rendered once and kept
 * until a case file changes, the day turns or {@code opennrm.identification.queue-cache-ttl} (default 5 s) has passed.
 *
 * <p>Why: the queue is the same for everyone who may read it (every NRM case manager and identification
 * officer), it is the page they keep open and reload, and rendering its 50 rows was three quarters of the
 * page's CPU time in a profile. A change made through this process (a referral, a decision, a closure) shows
 * at the next view: {@link CaseFileChanges} counts it when its transaction ends. A change made by another
 * instance of the platform shows within the time-to-live.
 *
 * <p>What is kept holds case references and due dates only, no identity, in memory; it is rendered for a
 * reader who passed the page's permission check, and only such a reader is ever shown it.
 *
 * <p>The whole page around that content (layout, menu, the reader's name) is also kept, per reader and
 * language, until the same moment ({@link #kept}): rendering the layout was then two fifths of the page's CPU
 * time. It is sent with each request's own CSRF token ({@link KeptPage}).
 */
@Component
public class QueuePages {

    /** Languages times pages kept at most per generation; a crawler paging far cannot fill memory. */
    private static final int MOST_KEPT = 256;

    private static final Pattern INDENTATION = Pattern.compile("[ \t]*\n[ \t\n]*");

    private final ITemplateEngine templates;
    private final CaseManagement cases;
    private final CaseFileChanges changes;
    private final Clock clock;
    private final long timeToLiveNanos;
    private volatile Generation current = new Generation(new ChangeCount.Mark(-1, 0), LocalDate.MIN);

    QueuePages(
            ITemplateEngine templates,
            CaseManagement cases,
            CaseFileChanges changes,
            Clock clock,
            @Value("${opennrm.identification.queue-cache-ttl:PT5S}") Duration timeToLive) {
        this.templates = templates;
        this.cases = cases;
        this.changes = changes;
        this.clock = clock;
        this.timeToLiveNanos = timeToLive.toNanos();
    }

    /**
     * The whole queue page {@code page} as this reader last got it, if nothing changed since. Kept per reader
     * (their name and menu are on it) and language, without a CSRF token ({@link KeptPage}).
     */
    public Optional<KeptPage> kept(int page, Locale locale) {
        return Optional.ofNullable(generation().whole.get(readerKey(page, locale)));
    }

    /**
     * The content, as {@link #lists}, for a page that the view then renders and hands back to be kept (see
     * {@link #kept}). The page is kept with the content it was rendered from: a change in between starts a new
     * generation, which this page does not enter.
     */
    public String listsOfPageToKeep(int page, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        var generation = generation();
        var key = readerKey(page, locale);
        var html = lists(generation, page, locale, request, response);
        KeptPage.keepRendered(request, rendered -> {
            if (generation.whole.size() < MOST_KEPT) {
                generation.whole.put(key, rendered);
            }
        });
        return html;
    }

    /** The content of queue page {@code page} (from 0) in the reader's language, as HTML. */
    public String lists(int page, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        return lists(generation(), page, locale, request, response);
    }

    private String lists(
            Generation generation, int page, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        var key = new Key(Locale.of(locale.getLanguage()), Math.max(page, 0));
        var html = generation.pages.get(key);
        if (html == null) {
            html = render(key, request, response);
            if (generation.pages.size() < MOST_KEPT) {
                generation.pages.putIfAbsent(key, html);
            }
        }
        return html;
    }

    private String render(Key key, HttpServletRequest request, HttpServletResponse response) {
        var entries = cases.queue(key.page());
        boolean more = entries.size() > CaseManagement.QUEUE_PAGE;
        Map<String, Object> model = Map.of(
                "entries", more ? entries.subList(0, CaseManagement.QUEUE_PAGE) : entries,
                "page", key.page(),
                "more", more,
                "reminders", cases.reminders(),
                "reminderDays", cases.settings().reminderWorkingDays());
        // a web context, so that links are built as on any page (context path, URL encoding)
        var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response);
        var html = templates.process("cases/queue-lists", new WebContext(exchange, key.locale(), model));
        // the template's indentation, once per line break: a browser shows any run of white space as one space
        // (the lists hold no <pre> or <textarea>), and the page is sent thousands of times before it changes
        return INDENTATION.matcher(html).replaceAll("\n");
    }

    /** What is kept from one state of the case files on one day; a new generation when that has changed. */
    private Generation generation() {
        var today = LocalDate.now(clock);
        var generation = current;
        if (!changes.current(generation.born, timeToLiveNanos) || !generation.today.equals(today)) {
            generation = new Generation(changes.mark(), today);
            current = generation;
        }
        return generation;
    }

    private static ReaderKey readerKey(int page, Locale locale) {
        var reader = SecurityContextHolder.getContext().getAuthentication();
        return new ReaderKey(
                reader == null ? "" : reader.getName(),
                reader == null
                        ? Set.of()
                        : reader.getAuthorities().stream()
                                .map(GrantedAuthority::getAuthority)
                                .collect(Collectors.toUnmodifiableSet()),
                locale.getLanguage(),
                Math.max(page, 0));
    }

    private record Key(Locale locale, int page) {}

    /** A whole page shows the reader's name and the menu of their authorities. */
    private record ReaderKey(String name, Set<String> authorities, String language, int page) {}

    /** The pages rendered from one state of the case files on one day. */
    private static final class Generation {
        final ChangeCount.Mark born;
        final LocalDate today;
        final Map<Key, String> pages = new ConcurrentHashMap<>();
        final Map<ReaderKey, KeptPage> whole = new ConcurrentHashMap<>();

        Generation(ChangeCount.Mark born, LocalDate today) {
            this.born = born;
            this.today = today;
        }
    }
}
