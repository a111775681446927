package org.opennrm;

import static org.hamcrest.Matchers.nullValue;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockPart;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A NUL character in an imported file (a plain-text body, or an uploaded text file) is refused with 400 before any
 * reader sees it: a supplier list with a NUL in a name used to reach PostgreSQL and fail there with a server error.
 * A clean file still reaches its endpoint, and a binary upload is not looked at.
 */
@PlatformTest
class NulInUploadsTests {

    @Autowired
    MockMvc mvc;

    final UUID office = UUID.randomUUID();

    @Test
    void aPlainTextBodyWithANulIsRefusedAndAWholeOneReachesItsEndpoint() throws Exception {
        mvc.perform(post("/api/v1/suppliers/import")
                        .contentType("text/csv")
                        .content("reference,name,country\nS-1,Acme\u0000 Ltd,DEU\n")
                        .with(as(Role.PROCUREMENT_OFFICER, office)))
                .andExpect(status().isBadRequest())
                .andExpect(request().attribute(ErrorAnswers.DETAIL, InputWithoutNul.REFUSED));
        mvc.perform(post("/api/v1/suppliers/import")
                        .contentType("text/csv")
                        .content("reference,name,country\nS-"
                                + UUID.randomUUID().toString().substring(0, 8) + ",Acme Ltd,DEU\n")
                        .with(as(Role.PROCUREMENT_OFFICER, office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1));
    }

    @Test
    void anUploadedTextFileWithANulIsRefusedButABinaryOneIsNotLookedAt() throws Exception {
        // a file of a form upload is a part of the request, as a browser sends it
        var csv =
                new MockPart("file", "series.csv", "period,value\n2021-01,1\u00002\n".getBytes(StandardCharsets.UTF_8));
        csv.getHeaders().setContentType(MediaType.parseMediaType("text/csv"));
        mvc.perform(multipart("/prevention/campaigns/{id}/interrupted-time-series", UUID.randomUUID())
                        .part(csv)
                        .with(csrf())
                        .with(as(Role.PREVENTION_OFFICER, office)))
                .andExpect(status().isBadRequest())
                .andExpect(request().attribute(ErrorAnswers.DETAIL, InputWithoutNul.REFUSED));
        // a binary part (here with a NUL byte) passes the filter: the endpoint answers for itself (no such campaign)
        var binary = new MockPart("file", "scan.bin", new byte[] {1, 0, 2});
        binary.getHeaders().setContentType(MediaType.APPLICATION_OCTET_STREAM);
        mvc.perform(multipart("/prevention/campaigns/{id}/interrupted-time-series", UUID.randomUUID())
                        .part(binary)
                        .with(csrf())
                        .with(as(Role.PREVENTION_OFFICER, office)))
                .andExpect(status().isNotFound())
                .andExpect(request().attribute(ErrorAnswers.DETAIL, nullValue()));
    }
}
