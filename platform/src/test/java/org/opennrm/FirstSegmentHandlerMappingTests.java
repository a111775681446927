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
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The handler lookup leaves a mapping out by its first path segment only where Spring MVC's own path matching would
 * have refused it too: checked for every mapping of the platform against a path made from every other mapping.
 */
@PlatformTest
class FirstSegmentHandlerMappingTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    MockMvc mvc;

    @Test
    void theFirstSegmentLeavesOutOnlyWhatThePathWouldNotMatch() {
        assertThat(mapping).isInstanceOf(FirstSegmentHandlerMapping.class);
        List<RequestMappingInfo> infos =
                new ArrayList<>(mapping.getHandlerMethods().keySet());
        assertThat(infos).hasSizeGreaterThan(300);

        Set<String> paths = new LinkedHashSet<>(List.of("/", "/cases", "/cases/", "/x", "/api/v1/cases/queue"));
        for (var info : infos) {
            for (String pattern : info.getPatternValues()) {
                paths.add(pattern.replaceAll("\\{[^}]*}", "a1")
                        .replace("**", "b/c")
                        .replace("*", "d"));
            }
        }
        int leftOut = 0;
        for (String path : paths) {
            String first = FirstSegmentHandlerMapping.firstSegment(path);
            var request = new MockHttpServletRequest("GET", path);
            ServletRequestPathUtils.parseAndCache(request);
            for (var info : infos) {
                var segments = FirstSegmentHandlerMapping.firstSegmentsOf(info);
                boolean left =
                        first != null && segments.isPresent() && !segments.get().contains(first);
                if (left) {
                    leftOut++;
                    assertThat(info.getPathPatternsCondition().getMatchingCondition(request))
                            .as("%s is left out for %s, but its path matches", info, path)
                            .isNull();
                }
            }
        }
        // the check is not empty: most mappings are left out for most paths
        assertThat(leftOut).isGreaterThan(paths.size() * infos.size() / 2);
    }

    @Test
    void firstSegments() {
        assertThat(FirstSegmentHandlerMapping.firstSegment("/cases/123")).isEqualTo("cases");
        assertThat(FirstSegmentHandlerMapping.firstSegment("/cases")).isEqualTo("cases");
        assertThat(FirstSegmentHandlerMapping.firstSegment("/")).isEmpty();
        assertThat(FirstSegmentHandlerMapping.firstSegment("/ca%73es/1")).isNull();
        assertThat(FirstSegmentHandlerMapping.firstSegment("/cases;a=b/1")).isNull();
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
