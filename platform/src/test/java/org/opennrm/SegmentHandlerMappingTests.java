package org.opennrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opennrm.access.Role;
import org.opennrm.access.TestSignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The handler lookup leaves a mapping out by its path's segments only where Spring MVC's own path matching would
 * have refused it too: checked for every mapping of the platform against paths made from every other mapping (as
 * they are, with a trailing slash, with one segment more and with the last one cut short). And the index finds, for
 * each of those paths and six methods, the handler Spring MVC's own look-up finds, or leaves the answer to it.
 */
@PlatformTest
class SegmentHandlerMappingTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    MockMvc mvc;

    @Test
    void theSegmentsLeaveOutOnlyWhatThePathWouldNotMatch() {
        assertThat(mapping).isInstanceOf(SegmentHandlerMapping.class);
        List<RequestMappingInfo> infos =
                new ArrayList<>(mapping.getHandlerMethods().keySet());
        assertThat(infos).hasSizeGreaterThan(300);

        Set<String> paths = pathsOf(infos);
        int leftOut = 0;
        int tried = 0;
        for (String path : paths) {
            String[] segments = SegmentHandlerMapping.segments(path);
            var request = new MockHttpServletRequest("GET", path);
            ServletRequestPathUtils.parseAndCache(request);
            for (var info : infos) {
                var shapes = SegmentHandlerMapping.shapesOf(info);
                boolean left = segments != null
                        && shapes.isPresent()
                        && !SegmentHandlerMapping.mayMatch(shapes.get(), segments);
                boolean matches = info.getPathPatternsCondition().getMatchingCondition(request) != null;
                if (left) {
                    leftOut++;
                    assertThat(matches)
                            .as("%s is left out for %s, but its path matches", info, path)
                            .isFalse();
                } else {
                    tried++;
                }
            }
        }
        // the check is not empty: almost all mappings are left out for almost all paths
        assertThat(leftOut).isGreaterThan(paths.size() * infos.size() * 9 / 10);
        assertThat(tried).isPositive();
    }

    @Test
    void theIndexFindsWhatSpringMvcFinds() throws Exception {
        var segmented = (SegmentHandlerMapping) mapping;
        Set<String> paths = pathsOf(mapping.getHandlerMethods().keySet());
        int answeredByIndex = 0;
        int compared = 0;
        for (String path : paths) {
            for (String method : List.of("GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS")) {
                var byIndex = request(method, path);
                var bySpring = request(method, path);
                Object indexed = outcome(() -> segmented.lookupHandlerMethod(path, byIndex));
                Object spring = outcome(() -> segmented.lookupBySpring(path, bySpring, null));
                assertThat(indexed).as("%s %s", method, path).isEqualTo(spring);
                // what the match leaves for the handler: the path's variables, the best pattern
                for (String attribute : List.of(
                        HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
                        HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE,
                        HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE)) {
                    assertThat(String.valueOf(byIndex.getAttribute(attribute)))
                            .as("%s of %s %s", attribute, method, path)
                            .isEqualTo(String.valueOf(bySpring.getAttribute(attribute)));
                }
                compared++;
                if (segmented.lookupByIndex(path, request(method, path), SegmentHandlerMapping.segments(path))
                        != null) {
                    answeredByIndex++;
                }
            }
        }
        // the comparison is not empty, and the index answered for many of the paths (not for those a mapping has
        // literally, nor where no mapping or several match)
        assertThat(compared).isGreaterThan(2000);
        assertThat(answeredByIndex).isGreaterThan(compared / 20);
        String casePage = "/cases/7b0f6f5e-3c1a-4a59-9a55-6f9b1d6f6d10";
        var handler =
                segmented.lookupByIndex(casePage, request("GET", casePage), SegmentHandlerMapping.segments(casePage));
        assertThat(handler).isNotNull();
        assertThat(handler.getMethod().getName()).isEqualTo("details");
    }

    /**
     * Paths made from every mapping's paths: as they are (a variable as "a1"), with a trailing slash, with one segment
     * more, with the last segment cut short, and with an id where each variable goes.
     */
    private static Set<String> pathsOf(java.util.Collection<RequestMappingInfo> infos) {
        Set<String> paths = new LinkedHashSet<>(List.of("/", "/cases", "/cases/", "/x", "/x/y", "/api/v1/cases/queue"));
        for (var info : infos) {
            for (String pattern : info.getPatternValues()) {
                String path = pattern.replaceAll("\\{[^}]*}", "a1")
                        .replace("**", "b/c")
                        .replace("*", "d");
                paths.add(path);
                paths.add(path + "/");
                paths.add(path + "/e");
                paths.add(path.substring(0, path.length() - 1));
                paths.add(pattern.replaceAll("\\{[^}]*}", "7b0f6f5e-3c1a-4a59-9a55-6f9b1d6f6d10"));
            }
        }
        return paths;
    }

    private static MockHttpServletRequest request(String method, String path) {
        var request = new MockHttpServletRequest(method, path);
        request.addHeader("Accept", "text/html,application/json;q=0.9,*/*;q=0.8");
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }

    /** The handler found (its method: an OPTIONS answer is a new handler each time), or why none was. */
    private static Object outcome(java.util.concurrent.Callable<HandlerMethod> lookup) {
        try {
            var handler = lookup.call();
            return handler == null ? "none" : handler.getMethod().toGenericString();
        } catch (Exception refused) {
            return refused.getClass().getName();
        }
    }

    /** A handler for a mapping registered while the platform runs. */
    static final class LateHandler {
        public String handle() {
            return "late";
        }
    }

    @Test
    void aMappingRegisteredWhileRunningIsFoundAndOneTakenAwayIsNot() throws Exception {
        var segmented = (SegmentHandlerMapping) mapping;
        String path = "/late-mapping/7b0f6f5e-3c1a-4a59-9a55-6f9b1d6f6d10";
        // the index is built, then a mapping is added
        assertThat(segmented.lookupByIndex(path, request("GET", path), SegmentHandlerMapping.segments(path)))
                .isNull();
        var info = RequestMappingInfo.paths("/late-mapping/{id}")
                .methods(org.springframework.web.bind.annotation.RequestMethod.GET)
                .options(segmented.getBuilderConfiguration())
                .build();
        segmented.registerMapping(info, new LateHandler(), LateHandler.class.getMethod("handle"));
        try {
            var found = segmented.lookupByIndex(path, request("GET", path), SegmentHandlerMapping.segments(path));
            assertThat(found).isNotNull();
            assertThat(found.getMethod().getName()).isEqualTo("handle");
        } finally {
            segmented.unregisterMapping(info);
        }
        assertThat(segmented.lookupByIndex(path, request("GET", path), SegmentHandlerMapping.segments(path)))
                .isNull();
    }

    @Test
    void segments() {
        assertThat(SegmentHandlerMapping.segments("/cases/123")).containsExactly("cases", "123");
        assertThat(SegmentHandlerMapping.segments("/cases/")).containsExactly("cases", "");
        assertThat(SegmentHandlerMapping.segments("/")).containsExactly("");
        assertThat(SegmentHandlerMapping.segments("/ca%73es/1")).isNull();
        assertThat(SegmentHandlerMapping.segments("/cases;a=b/1")).isNull();
        assertThat(SegmentHandlerMapping.segments("/cases//1")).isNull();
    }

    @Test
    void pagesWithAVariableStillFindTheirHandler() throws Exception {
        var organisation = java.util.UUID.randomUUID();
        // found by its handler: an id that is no id is refused there, a path that no mapping has is not found
        int refused = mvc.perform(get("/cases/not-an-id").with(TestSignIn.as(Role.CASE_MANAGER, organisation)))
                .andReturn()
                .getResponse()
                .getStatus();
        int unknown = mvc.perform(get("/no-such-page/not-an-id").with(TestSignIn.as(Role.CASE_MANAGER, organisation)))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(refused).isEqualTo(400);
        assertThat(unknown).isEqualTo(404);
        // an encoded first segment is compared as Spring MVC compares it (decoded), never left out by its bytes
        int encoded = mvc.perform(get("/ca%73es/not-an-id").with(TestSignIn.as(Role.CASE_MANAGER, organisation)))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(encoded).isEqualTo(400);
    }
}
