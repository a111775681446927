package org.opennrm;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's handler lookup, with the controllers' paths told apart by their literal segments before anything else.
 *
 * <p>A path with a variable ({@code /cases/{id}}) is no direct match, so Spring MVC tries every one of the platform's
 * some 500 mappings on it, each by its method, headers, media types and then its path, and each of those asks the
 * request (through half a dozen filters' request wrappers) again: a tenth of the case page's CPU time in a profile.
 * A mapping whose every path has another number of segments than the request's, or another literal segment where the
 * request has its own, cannot match, so it is left out at once; the rest go through Spring MVC's own matching
 * unchanged. (First only the first segment was compared; the many mappings under {@code /cases} then still cost the
 * case page 5% of its CPU time.) A mapping with a path that may span segments ({@code **}, {@code {*rest}}) is always
 * tried, and so is a request whose path is encoded ({@code %}), carries matrix parameters ({@code ;}) or has an empty
 * segment inside ({@code //}), which Spring MVC decodes or treats in ways of its own before comparing.
 */
final class SegmentHandlerMapping extends RequestMappingHandlerMapping {

    /** The request's path segments while its handler is looked up (virtual threads: one per request). */
    private static final ThreadLocal<String[]> REQUESTED = new ThreadLocal<>();

    /** Per mapping: its paths' segments (null where a variable goes), or empty when a path may span segments. */
    private final Map<RequestMappingInfo, Optional<List<String[]>>> shapes = new ConcurrentHashMap<>();

    @Override
    protected org.springframework.web.method.HandlerMethod lookupHandlerMethod(
            String lookupPath, HttpServletRequest request) throws Exception {
        // a lookup never starts another lookup on its thread: set, then removed
        REQUESTED.set(segments(lookupPath));
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            REQUESTED.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String[] requested = REQUESTED.get();
        if (requested != null) {
            var paths = shapes.computeIfAbsent(info, SegmentHandlerMapping::shapesOf);
            if (paths.isPresent() && !mayMatch(paths.get(), requested)) {
                return null;
            }
        }
        return super.getMatchingMapping(info, request);
    }

    /**
     * The segments of a path as requested ({@code /cases/1/} is "cases", "1" and ""), or null when it must be compared
     * as Spring MVC compares it.
     */
    static String[] segments(String path) {
        if (path == null
                || path.indexOf('%') >= 0
                || path.indexOf(';') >= 0
                || path.contains("//")
                || !path.startsWith("/")) {
            return null;
        }
        return path.substring(1).split("/", -1);
    }

    /**
     * The segments of a mapping's paths, each literal or null where a variable or a wildcard within the segment goes;
     * empty when a path may span segments or the mapping has no path.
     */
    static Optional<List<String[]>> shapesOf(RequestMappingInfo info) {
        Set<String> patterns = info.getPatternValues();
        if (patterns.isEmpty()) {
            return Optional.empty();
        }
        List<String[]> paths = new ArrayList<>();
        for (String pattern : patterns) {
            String[] segments = segments(pattern);
            if (segments == null || pattern.contains("**") || pattern.contains("{*")) {
                return Optional.empty();
            }
            for (int i = 0; i < segments.length; i++) {
                String segment = segments[i];
                if (segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0) {
                    segments[i] = null;
                }
            }
            paths.add(segments);
        }
        return Optional.of(List.copyOf(paths));
    }

    /** Whether one of the paths has the request's number of segments and its literal segments where it has any. */
    static boolean mayMatch(List<String[]> paths, String[] requested) {
        for (String[] path : paths) {
            if (path.length != requested.length) {
                continue;
            }
            boolean same = true;
            for (int i = 0; i < path.length && same; i++) {
                same = path[i] == null || path[i].equals(requested[i]);
            }
            if (same) {
                return true;
            }
        }
        return false;
    }
}
