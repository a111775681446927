package org.opennrm;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
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
 *
 * <p>Even left out at once, every mapping was still visited for every path with a variable: 5% of the case page's CPU
 * time in a later profile, most of it waiting for memory. So the mappings are also indexed by their number of segments
 * and their first one, and a path that no mapping has literally looks only at the mappings its index entry names.
 * Where exactly one of them matches, that is Spring MVC's answer too (it would have tried all mappings and found only
 * that one); where none or several match, or the path is one a mapping has literally (Spring MVC's own quick look-up),
 * or the request is a CORS pre-flight, Spring MVC's look-up decides, with the segments' filter above.
 */
final class SegmentHandlerMapping extends RequestMappingHandlerMapping {

    /**
     * The request's path segments, with the mappings' shapes to compare them with, while Spring MVC looks up its
     * handler (virtual threads: one per request).
     */
    private static final ThreadLocal<Requested> REQUESTED = new ThreadLocal<>();

    private record Requested(String[] segments, Map<RequestMappingInfo, Optional<List<String[]>>> shapes) {}

    /** The mappings by their paths' shapes, as of {@link Index#registrations}. */
    private volatile Index index;

    /** How many times mappings were registered or unregistered: an index of fewer is out of date. */
    private final AtomicInteger registrations = new AtomicInteger();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        String[] requested = segments(lookupPath);
        var found = lookupByIndex(lookupPath, request, requested);
        return found != null ? found : lookupBySpring(lookupPath, request, requested);
    }

    /** The handler of the one mapping that matches among the index's candidates, or null for Spring MVC to decide. */
    HandlerMethod lookupByIndex(String lookupPath, HttpServletRequest request, String[] requested) {
        if (requested == null || CorsUtils.isPreFlightRequest(request)) {
            return null;
        }
        var found = index().lookup(lookupPath, requested, request);
        if (found == null) {
            return null;
        }
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, found.handler());
        handleMatch(found.info(), lookupPath, request);
        return found.handler();
    }

    /** Spring MVC's own look-up, with mappings left out by the request's segments. */
    HandlerMethod lookupBySpring(String lookupPath, HttpServletRequest request, String[] requested) throws Exception {
        // a lookup never starts another lookup on its thread: set, then removed
        REQUESTED.set(requested == null ? null : new Requested(requested, index().shapes));
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            REQUESTED.remove();
        }
    }

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        registrations.incrementAndGet();
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        registrations.incrementAndGet();
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        registrations.incrementAndGet();
    }

    private Index index() {
        var current = index;
        int now = registrations.get();
        if (current == null || current.registrations != now) {
            // counted before the mappings are read: a registration meanwhile makes the next look-up build again
            current = new Index(now, getHandlerMethods());
            index = current;
        }
        return current;
    }

    /** A mapping that matched the request, with its handler. */
    private record Found(RequestMappingInfo info, HandlerMethod handler) {}

    /** A mapping with its handler and its paths' shapes (see {@link #shapesOf}). */
    private record Candidate(RequestMappingInfo info, HandlerMethod handler, Optional<List<String[]>> shapes) {}

    /** The mappings by number of segments and first segment, built from the registered mappings. */
    private final class Index {

        private final int registrations;

        /** Per mapping, its paths' shapes (see {@link #shapesOf}). */
        private final Map<RequestMappingInfo, Optional<List<String[]>>> shapes = new IdentityHashMap<>();

        /** The paths that some mapping has literally: Spring MVC finds their mappings by the path itself. */
        private final Set<String> literal = new HashSet<>();

        /** Per number of segments: per first literal segment, the mappings that may have such a path. */
        private final Map<Integer, Map<String, List<Candidate>>> byFirst = new HashMap<>();

        /** Per number of segments: the mappings with a variable first segment, or whose paths may span segments. */
        private final Map<Integer, List<Candidate>> anyFirst = new HashMap<>();

        /** The mappings whose paths may span segments or that have none: candidates for every path. */
        private final List<Candidate> everywhere = new ArrayList<>();

        Index(int registrations, Map<RequestMappingInfo, HandlerMethod> mappings) {
            this.registrations = registrations;
            List<Candidate> candidates = new ArrayList<>();
            for (var mapping : mappings.entrySet()) {
                var info = mapping.getKey();
                var shapes = shapesOf(info);
                this.shapes.put(info, shapes);
                candidates.add(new Candidate(info, mapping.getValue(), shapes));
                if (shapes.isEmpty()) {
                    everywhere.add(candidates.getLast());
                    continue;
                }
                for (String pattern : info.getPatternValues()) {
                    if (isLiteral(pattern)) {
                        literal.add(pattern);
                    }
                }
            }
            // every entry lists its candidates in registration order, each once
            for (var candidate : candidates) {
                if (candidate.shapes().isEmpty()) {
                    continue;
                }
                for (String[] path : candidate.shapes().get()) {
                    var first = byFirst.computeIfAbsent(path.length, n -> new HashMap<>());
                    if (path[0] == null) {
                        addOnce(anyFirst.computeIfAbsent(path.length, n -> new ArrayList<>()), candidate);
                    } else {
                        addOnce(first.computeIfAbsent(path[0], f -> new ArrayList<>()), candidate);
                    }
                }
            }
            // a first literal segment's entry also holds the mappings with any first segment of its length
            for (var entry : byFirst.entrySet()) {
                var any = anyFirst.getOrDefault(entry.getKey(), List.of());
                for (var list : entry.getValue().values()) {
                    any.forEach(candidate -> addOnce(list, candidate));
                    everywhere.forEach(list::add);
                }
            }
            for (var list : anyFirst.values()) {
                everywhere.forEach(list::add);
            }
        }

        /**
         * The one mapping that matches the request, or null where Spring MVC must decide: the path is one a mapping
         * has literally, or none or several of the candidates match.
         */
        Found lookup(String lookupPath, String[] requested, HttpServletRequest request) {
            if (literal.contains(lookupPath)) {
                return null;
            }
            List<Candidate> candidates = candidatesFor(requested);
            Found found = null;
            for (var candidate : candidates) {
                if (candidate.shapes().isPresent()
                        && !mayMatch(candidate.shapes().get(), requested)) {
                    continue;
                }
                RequestMappingInfo match = matchingBySpring(candidate.info(), request);
                if (match != null) {
                    if (found != null) {
                        return null;
                    }
                    found = new Found(match, candidate.handler());
                }
            }
            return found;
        }

        private List<Candidate> candidatesFor(String[] requested) {
            var first = byFirst.get(requested.length);
            if (first != null) {
                var candidates = first.get(requested[0]);
                if (candidates != null) {
                    return candidates;
                }
            }
            return anyFirst.getOrDefault(requested.length, everywhere);
        }
    }

    private static void addOnce(List<Candidate> list, Candidate candidate) {
        for (var listed : list) {
            if (listed == candidate) {
                return;
            }
        }
        list.add(candidate);
    }

    private static boolean isLiteral(String pattern) {
        return pattern.indexOf('{') < 0 && pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0;
    }

    /** Spring MVC's own matching of one mapping, without the segments' filter. */
    private RequestMappingInfo matchingBySpring(RequestMappingInfo info, HttpServletRequest request) {
        return super.getMatchingMapping(info, request);
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        var requested = REQUESTED.get();
        if (requested != null) {
            var paths = requested.shapes().get(info);
            if (paths != null && paths.isPresent() && !mayMatch(paths.get(), requested.segments())) {
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
