package org.opennrm.access;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds audit entries by record, by account and by time, newest first. Reading the audit trail is
 * itself recorded: who searched and with which filters (ids and codes only, never a typed name).
 */
@Service
public class AuditSearch {

    // ids worth keeping in the entry of a search; anything else typed into the field may be a name
    private static final Pattern ID =
            Pattern.compile("\\d{1,19}|\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_.-]{0,59}");

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AuditTrail audit;

    AuditSearch(JdbcClient jdbc, Accounts accounts, AuditTrail audit) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** One page of the entries that match, newest first. */
    public record AuditPage(List<AuditEntry> entries, int page, int size, boolean hasNext) {
        public boolean hasPrevious() {
            return page > 0;
        }
    }

    @Transactional
    @PreAuthorize("hasAuthority('audit:read:all')")
    public AuditPage search(AuditQuery query) {
        var where = new ArrayList<String>();
        StringBuilder text = new StringBuilder("select " + AuditVerification.COLUMNS + " from access.audit_trail");
        var params = new java.util.HashMap<String, Object>();
        if (query.recordType() != null) {
            where.add("record_type = :recordType");
            params.put("recordType", query.recordType());
        }
        if (query.recordId() != null) {
            where.add("record_id = :recordId");
            params.put("recordId", query.recordId());
        }
        UUID accountId = query.accountId();
        if (accountId != null) {
            where.add("account_id = :accountId");
            params.put("accountId", accountId);
        } else if (query.account() != null) {
            // by the name stored in the entry: finds failed sign-ins and accounts removed since
            where.add("lower(username) = lower(:username)");
            params.put("username", query.account());
        }
        if (query.from() != null) {
            where.add("recorded_at >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.until() != null) {
            where.add("recorded_at < :until");
            params.put("until", Timestamp.from(query.until()));
        }
        if (!where.isEmpty()) {
            text.append(" where ").append(String.join(" and ", where));
        }
        // by insertion: entries not yet sealed into the chain have no sequence number for a moment
        text.append(" order by id desc limit :limit offset :offset");
        params.put("limit", AuditQuery.PAGE_SIZE + 1);
        params.put("offset", (long) query.page() * AuditQuery.PAGE_SIZE);
        List<AuditEntry> found = jdbc.sql(text.toString())
                .params(params)
                .query(AuditVerification::entry)
                .list();
        audit.record(AuditAction.READ, "audit", null, describe(query));
        boolean hasNext = found.size() > AuditQuery.PAGE_SIZE;
        return new AuditPage(
                hasNext ? found.subList(0, AuditQuery.PAGE_SIZE) : found, query.page(), AuditQuery.PAGE_SIZE, hasNext);
    }

    /** The filters of a search for its audit entry: codes, ids and times, never free text. */
    private String describe(AuditQuery query) {
        var parts = new ArrayList<String>();
        parts.add("search");
        if (query.recordType() != null) {
            parts.add("recordType=" + (CODE.matcher(query.recordType()).matches() ? query.recordType() : "(text)"));
        }
        if (query.recordId() != null) {
            parts.add("recordId=" + (ID.matcher(query.recordId()).matches() ? query.recordId() : "(text)"));
        }
        if (query.account() != null) {
            UUID id = query.accountId() != null
                    ? query.accountId()
                    : accounts.findByUsername(query.account()).map(Account::id).orElse(null);
            parts.add("account=" + (id == null ? "(unknown name)" : id));
        }
        if (query.from() != null) {
            parts.add("from=" + query.from());
        }
        if (query.until() != null) {
            parts.add("until=" + query.until());
        }
        parts.add("page=" + query.page());
        String detail = String.join(" ", parts);
        return detail.length() > 500 ? detail.substring(0, 500) : detail;
    }
}
