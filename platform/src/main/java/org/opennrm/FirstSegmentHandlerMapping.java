package org.opennrm;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's handler lookup, with the controllers' paths told apart by their first segment before anything else.
 *
 * <p>A path with a variable ({@code /cases/{id}}) is no direct match, so Spring MVC tries every one of the platform's
 * some 500 mappings on it, each by its method, headers, media types and then its path, and each of those asks the
 * request (through half a dozen filters' request wrappers) again: a tenth of the case page's CPU time in a profile.
 * A mapping whose every path begins with a fixed first segment other than the request's cannot match, so it is left
 * out at once; the rest go through Spring MVC's own matching unchanged. A mapping with a path that begins with a
 * variable or a wildcard is always tried, and so is a request whose first segment is encoded ({@code %}) or carries
 * matrix parameters ({@code ;}), which Spring MVC decodes before comparing.
 */
final class FirstSegmentHandlerMapping extends RequestMappingHandlerMapping {

    /** The request's first path segment while its handler is looked up (virtual threads: one per request). */
    private static final ThreadLocal<String> REQUESTED = new ThreadLocal<>();

    /** Per mapping: the first segments its paths begin with, or empty when one of them may begin with anything. */
    private final Map<RequestMappingInfo, Optional<Set<String>>> firstSegments = new ConcurrentHashMap<>();

    @Override
    protected org.springframework.web.method.HandlerMethod lookupHandlerMethod(
            String lookupPath, HttpServletRequest request) throws Exception {
        // a lookup never starts another lookup on its thread: set, then removed
        REQUESTED.set(firstSegment(lookupPath));
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            REQUESTED.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String requested = REQUESTED.get();
        if (requested != null) {
            var segments = firstSegments.computeIfAbsent(info, FirstSegmentHandlerMapping::firstSegmentsOf);
            if (segments.isPresent() && !segments.get().contains(requested)) {
                return null;
            }
        }
        return super.getMatchingMapping(info, request);
    }

    /** The first segment of a path as requested, or null when it must be compared as Spring MVC compares it. */
    static String firstSegment(String path) {
        if (path == null || path.indexOf('%') >= 0 || path.indexOf(';') >= 0) {
            return null;
        }
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.indexOf('/', start);
        return end < 0 ? path.substring(start) : path.substring(start, end);
    }

    /** The literal first segments of a mapping's paths; empty when a path may begin with anything. */
    static Optional<Set<String>> firstSegmentsOf(RequestMappingInfo info) {
        Set<String> patterns = info.getPatternValues();
        if (patterns.isEmpty()) {
            return Optional.empty();
        }
        Set<String> segments = new HashSet<>();
        for (String pattern : patterns) {
            String segment = firstSegment(pattern);
            if (segment == null
                    || segment.indexOf('{') >= 0
                    || segment.indexOf('*') >= 0
                    || segment.indexOf('?') >= 0) {
                return Optional.empty();
            }
            segments.add(segment);
        }
        return Optional.of(Set.copyOf(segments));
    }
}
