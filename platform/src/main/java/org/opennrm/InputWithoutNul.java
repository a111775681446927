package org.opennrm;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose parameters (query string, form fields, text parts of a form upload), path, uploaded text
 * files (CSV, JSON, plain text) or plain-text body ({@code text/csv}, {@code text/plain}) hold a NUL character, with
 * 400 before anything reads them. PostgreSQL cannot store NUL in text, so such a value failed deep inside a save with a
 * server error (500); no person types one, so it is refused as malformed. Every import of a file (surveys, registers,
 * supplier lists, series) is covered here once, not in each reader. Binary uploads (case documents) are not looked
 * at: a PDF or a photograph holds NUL bytes. JSON bodies are checked where they are read ({@link JsonInput}).
 */
class InputWithoutNul extends OncePerRequestFilter {

    static final String REFUSED = "Text with NUL characters (U+0000) is not accepted.";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (holdsNul(request) || textFilesHoldNul(request)) {
            request.setAttribute(ErrorAnswers.DETAIL, REFUSED);
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        // JSON bodies are not read ahead: a NUL is written as an escape in JSON, which JsonInput refuses, and a raw 0
        // byte
        // is not JSON at all
        if (request.getContentType() != null
                && request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("text/")) {
            var body = new TextBody(request);
            if (body.holdsNul()) {
                request.setAttribute(ErrorAnswers.DETAIL, REFUSED);
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            chain.doFilter(body, response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Text bodies are read into memory up to this size to be checked; the rest (no endpoint reads so far) follows. */
    static final int CHECKED_BYTES = 16 * 1024 * 1024;

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("text/") || type.startsWith("application/json");
    }

    /** The uploaded files that are text (by their type or name) of a form upload; in UTF-8 a 0 byte is only NUL. */
    private static boolean textFilesHoldNul(HttpServletRequest request) throws IOException {
        String contentType = request.getContentType();
        if (contentType == null
                || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            return false;
        }
        java.util.Collection<jakarta.servlet.http.Part> parts;
        try {
            parts = request.getParts();
        } catch (ServletException | IllegalStateException notReadable) {
            return false; // the upload is refused further on, with its own answer
        }
        for (var part : parts) {
            String name = part.getSubmittedFileName();
            if (name == null) {
                continue; // a form field: among the parameters above
            }
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            boolean text = isText(part.getContentType())
                    || lower.endsWith(".csv")
                    || lower.endsWith(".tsv")
                    || lower.endsWith(".json")
                    || lower.endsWith(".txt");
            if (text && part.getSize() <= CHECKED_BYTES) {
                try (var in = part.getInputStream()) {
                    if (holdsZero(in.readAllBytes())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean holdsZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * A plain-text body read ahead (up to {@link #CHECKED_BYTES}) to be checked, then given to the endpoint as
     * if unread: the bytes read ahead first, then whatever was left.
     */
    private static final class TextBody extends jakarta.servlet.http.HttpServletRequestWrapper {

        private final byte[] head;

        TextBody(HttpServletRequest request) throws IOException {
            super(request);
            this.head = request.getInputStream().readNBytes(CHECKED_BYTES);
        }

        boolean holdsNul() {
            return holdsZero(head);
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() throws IOException {
            var rest = getRequest().getInputStream();
            var both = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), rest);
            return new jakarta.servlet.ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return both.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return both.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return false;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    throw new UnsupportedOperationException("the platform reads request bodies blocking");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
        }
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
