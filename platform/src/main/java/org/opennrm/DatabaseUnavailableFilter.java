package org.opennrm;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A 503 problem, not a 500, when the database is away before any controller runs: the filters that sign a
 * request in by its API token or check a session's account read the database too, and their errors never reach
 * {@link ApiProblems} or {@link PageErrors}. API requests (and anything that does not ask for a page) get an RFC
 * 9457 problem; a page request gets the error page ("briefly unavailable").
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    /** The same failures {@link ApiProblems} and {@link PageErrors} answer with 503. */
    private static final List<Class<? extends Throwable>> UNAVAILABLE = List.of(
            CannotGetJdbcConnectionException.class,
            CannotCreateTransactionException.class,
            TransactionSystemException.class,
            DataAccessResourceFailureException.class,
            TransientDataAccessException.class,
            SQLTransientConnectionException.class);

    static final String PROBLEM = """
            {"type":"about:blank","title":"Temporarily unavailable","status":503,\
            "detail":"The database cannot be reached at the moment. Nothing was saved; retry shortly."}""";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!databaseUnavailable(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable: {}", e.getClass().getSimpleName());
            response.reset();
            response.setHeader(HttpHeaders.RETRY_AFTER, "30");
            if (wantsPage(request)) {
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            } else {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(PROBLEM);
            }
        }
    }

    static boolean databaseUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            for (var type : UNAVAILABLE) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean wantsPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !path.startsWith("/api/") && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }
}
