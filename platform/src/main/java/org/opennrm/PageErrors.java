package org.opennrm;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the web pages as a page in the person's language: what happened and what they can do,
 * never a stack trace. Controllers handle form errors and concurrent edits themselves, on the form.
 */
// Controller.class also matches @RestController (a meta-annotation): API errors go to ApiProblems, ordered first
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(RecordNotFound.class)
    ModelAndView notFound(HttpServletResponse response) {
        return page(response, 404, "notFound");
    }

    @ExceptionHandler({
        CannotGetJdbcConnectionException.class,
        org.springframework.transaction.CannotCreateTransactionException.class,
        // a connection lost mid-request also fails the rollback
        org.springframework.transaction.TransactionSystemException.class,
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class
    })
    ModelAndView databaseUnavailable(Exception e, HttpServletResponse response) {
        log.warn("Database unavailable: {}", e.getClass().getSimpleName());
        response.setHeader("Retry-After", "30");
        return page(response, 503, "unavailable");
    }

    /**
     * A refusal that its page does not show at the form (a download link changed by hand, a request made outside the
     * form): the refusal's own words in the reader's language on the error page, with a 400, never a 500.
     */
    @ExceptionHandler(RuleViolation.class)
    ModelAndView refused(RuleViolation refusal, HttpServletResponse response, Locale locale) {
        var page = page(response, 400, "refused");
        page.addObject("refusal", refusal.words(messages, locale));
        page.addObject("refusalLang", refusal.lang(messages, locale));
        return page;
    }

    @ExceptionHandler(org.springframework.dao.OptimisticLockingFailureException.class)
    ModelAndView conflict(HttpServletResponse response) {
        return page(response, 409, "conflict");
    }

    static ModelAndView page(HttpServletResponse response, int status, String kind) {
        response.setStatus(status);
        var page = new ModelAndView("error");
        page.addObject("status", status);
        page.addObject("kind", kind);
        page.addObject("errorId", UUID.randomUUID().toString());
        return page;
    }
}
