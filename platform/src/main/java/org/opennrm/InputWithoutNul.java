package org.opennrm;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose parameters (query string, form fields, text parts of a form upload) or path hold a NUL
 * character, with 400 before anything reads them. PostgreSQL cannot store NUL in text, so such a value failed deep
 * inside a save with a server error (500); no person types one, so it is refused as malformed. JSON bodies are
 * checked where they are read ({@link JsonInput}).
 */
class InputWithoutNul extends OncePerRequestFilter {

    static final String REFUSED = "Text with NUL characters (U+0000) is not accepted.";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (holdsNul(request)) {
            request.setAttribute(ErrorAnswers.DETAIL, REFUSED);
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean holdsNul(HttpServletRequest request) {
        if (request.getRequestURI().indexOf('\0') >= 0
                || request.getRequestURI().contains("%00")) {
            return true;
        }
        for (var parameter : request.getParameterMap().entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) {
                return true;
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
