package org.opennrm;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error that reaches the servlet container's error page (a request no controller took: an unknown path, a
 * method or media type the path does not take, a refusal of the security filters, a request with NUL characters)
 * answered as an RFC 9457 problem detail, or as the error page in the person's language when a browser asks for a
 * page outside the API. Spring Boot's own error controller answered {@code application/json} with its own fields for
 * these (and an HTML page to any client for some), which API clients could not read like every other error.
 *
 * <p>Only the status and a fixed sentence per status are answered: never the exception, its message or the path's
 * internals.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorAnswers implements ErrorController {

    /** A request attribute with a sentence for the person, set by whoever refused the request before any controller. */
    static final String DETAIL = ErrorAnswers.class.getName() + ".detail";

    private final JsonMapper json;

    ErrorAnswers(JsonMapper json) {
        this.json = json;
    }

    @RequestMapping
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
        // a direct request for the error path, not a forwarded error, is a path that does not exist
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                ? uri
                : request.getRequestURI();
        response.setStatus(status);
        if (wantsPage(request, path)) {
            return PageErrors.page(response, status, null);
        }
        return new ModelAndView(problemView(problem(status, (String) request.getAttribute(DETAIL))));
    }

    /** A browser asking for a page gets a page; the API, and every client that does not ask for HTML, a problem. */
    static boolean wantsPage(HttpServletRequest request, String path) {
        if (path != null && path.startsWith(request.getContextPath() + "/api/")) {
            return false;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    static ProblemDetail problem(int status, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        var problem = ProblemDetail.forStatus(status);
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        problem.setDetail(detail != null ? detail : detailOf(status));
        if (status >= 500) {
            // the container logged what happened; the id lets an administrator find it by time and request
            problem.setProperty("errorId", UUID.randomUUID().toString());
        }
        return problem;
    }

    private static String detailOf(int status) {
        return switch (status) {
            case 400 -> "The request could not be understood: check its path, parameters and body.";
            case 401 -> "Sign in, or send a valid personal access token (Authorization: Bearer ...).";
            case 403 -> "Your permissions do not allow this.";
            case 404 -> "No such resource, or it is not shared with you.";
            case 405 -> "This path does not take this method.";
            case 406 -> "This path cannot answer in the media type asked for.";
            case 413 -> "The request is too large.";
            case 415 -> "This path does not take a body of this media type.";
            case 503 -> "The platform is briefly unavailable. Retry shortly.";
            default -> status >= 500 ? "An unexpected error happened." : "The request cannot be answered.";
        };
    }

    private View problemView(ProblemDetail problem) {
        return new View() {
            @Override
            public String getContentType() {
                return MediaType.APPLICATION_PROBLEM_JSON_VALUE;
            }

            @Override
            public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                    throws Exception {
                response.setStatus(problem.getStatus());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(json.writeValueAsString(problem));
            }
        };
    }
}
