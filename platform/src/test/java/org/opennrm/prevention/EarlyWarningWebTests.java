package org.opennrm.prevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

/** {@code POST /api/v1/prevention/early-warning} and the early-warning page, on the UK's published series. */
@PlatformTest
class EarlyWarningWebTests {

    @Autowired
    MockMvc mvc;

    final UUID organisation = UUID.randomUUID();

    @Test
    void theApiAnswersTheFlagsOfACsvSeries() throws Exception {
        mvc.perform(post("/api/v1/prevention/early-warning")
                        .with(as(Role.STATISTICIAN, organisation))
                        .contentType("text/csv")
                        .content(UkReferrals.csv(UkReferrals.total())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2009-Q2"))
                .andExpect(jsonPath("$.to").value("2023-Q4"))
                .andExpect(jsonPath("$.periods").value(59))
                .andExpect(jsonPath("$.method").value(containsString("change-point")))
                .andExpect(
                        jsonPath("$.flags[?(@.period == '2020-Q2')].direction").value("DOWN"))
                .andExpect(
                        jsonPath("$.flags[?(@.period == '2020-Q2')].confidence").isNotEmpty())
                .andExpect(jsonPath("$.flags[?(@.period == '2020-Q2')].size").isNotEmpty());
    }

    @Test
    void anUploadedFileOfMonthsIsReadToo() throws Exception {
        var csv = "period,value\n" + "2024-01,40\n2024-02,42\n2024-03,39\n2024-04,41\n2024-05,43\n2024-06,40\n"
                + "2024-07,42\n2024-08,41\n2024-09,40\n2024-10,44\n";
        var file = new MockMultipartFile("file", "months.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/prevention/early-warning").file(file).with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.periods").value(10))
                .andExpect(jsonPath("$.flags.length()").value(0));
    }

    @Test
    void aSeriesTooShortIsAProblemThatSaysSo() throws Exception {
        mvc.perform(post("/api/v1/prevention/early-warning")
                        .with(as(Role.STATISTICIAN, organisation))
                        .contentType("text/csv")
                        .content("period,value\n2023-Q1,5\n2023-Q2,6\n2023-Q3,4\n"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(containsString("at least 8")))
                .andExpect(jsonPath("$.type").value("urn:opennrm:problem:SeriesTooShort"));
    }

    @Test
    void aGapInTheSeriesIsAProblemThatNamesIt() throws Exception {
        mvc.perform(post("/api/v1/prevention/early-warning")
                        .with(as(Role.STATISTICIAN, organisation))
                        .contentType("text/csv")
                        .content("period,value\n2023-Q1,5\n2023-Q3,4\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("2023-Q2 is missing")));
    }

    @Test
    void thePageShowsTheFlagsInATable() throws Exception {
        mvc.perform(post("/prevention/early-warning")
                        .with(as(Role.COORDINATOR, organisation))
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("series", UkReferrals.csv(UkReferrals.total())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"flags\"")))
                .andExpect(content().string(containsString("2020-Q2")))
                .andExpect(content().string(containsString("data-series=")));
    }

    @Test
    void thePageSaysWhatIsWrongWithABadSeries() throws Exception {
        mvc.perform(post("/prevention/early-warning")
                        .with(as(Role.COORDINATOR, organisation))
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("series", "period,value\n2023-Q1,5\n2023-Q2,-1\n"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("early-warning-problem")))
                .andExpect(content().string(containsString("Line 3")))
                .andExpect(content().string(not(containsString("id=\"flags\""))));
    }

    @Test
    void theProblemIsSaidInTheReadersLanguage() throws Exception {
        mvc.perform(post("/prevention/early-warning")
                        .with(as(Role.COORDINATOR, organisation))
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .header("Accept-Language", "fr")
                        .locale(java.util.Locale.FRENCH)
                        .param("series", "period,value\n2023-Q1,5\n2023-Q2,-1\n"))
                .andExpect(status().isBadRequest())
                .andExpect(
                        content().string(containsString("Ligne 3 : la valeur doit être un comptage de zéro ou plus.")))
                .andExpect(content().string(not(containsString("<span lang=\"en\">Line 3"))));
        mvc.perform(post("/prevention/early-warning")
                        .with(as(Role.COORDINATOR, organisation))
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .header("Accept-Language", "de")
                        .locale(java.util.Locale.GERMAN)
                        .param("series", "period,value\n2023-Q1,5\n"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Die Reihe hat 1 Perioden")));
    }

    /** Four years of months that swing 40% with the months of the year: refused by the seasonality check. */
    static String seasonalCsv() {
        Series seasonal = SeasonalityTests.monthly(
                new RandomDataGenerator(11L), 48, i -> 200 * (1 + 0.4 * Math.cos(2 * Math.PI * i / 12)));
        var csv = new StringBuilder("period,value\n");
        for (int i = 0; i < seasonal.length(); i++) {
            csv.append(seasonal.period(i))
                    .append(',')
                    .append((long) seasonal.value(i))
                    .append('\n');
        }
        return csv.toString();
    }

    @Test
    void aSeasonalSeriesIsRefusedOnThePageInEnglishAsTheApiWordsIt() throws Exception {
        String answer = mvc.perform(post("/api/v1/prevention/early-warning")
                        .with(as(Role.STATISTICIAN, organisation))
                        .contentType("text/csv")
                        .content(seasonalCsv()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:opennrm:problem:SeriesSeasonal"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String english = com.jayway.jsonpath.JsonPath.read(answer, "$.detail");
        assertThat(english).startsWith("The monthly series has seasons: beyond its trend, its months differ by up to ");
        // no language asked for: the page says it in the same English words, from the bundle
        mvc.perform(post("/prevention/early-warning")
                        .with(as(Role.COORDINATOR, organisation))
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("series", seasonalCsv()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span>" + english + "</span>")))
                .andExpect(content().string(not(containsString("id=\"flags\""))));
    }

    @Test
    void theEarlyWarningsRefusalsAreSaidInFrench() throws Exception {
        // a series with seasons: the percentage and the p value in French figures
        mvc.perform(post("/prevention/early-warning")
                        .with(as(Role.COORDINATOR, organisation))
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .header("Accept-Language", "fr")
                        .locale(java.util.Locale.FRENCH)
                        .param("series", seasonalCsv()))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(containsString("<span>La série mensuelle présente des saisons : au-delà de sa"
                                + " tendance, ses mois diffèrent jusqu")))
                .andExpect(content().string(containsString("(p = 0,")))
                .andExpect(content()
                        .string(containsString("Envoyez les totaux trimestriels, ou des valeurs mensuelles"
                                + " corrigées des variations saisonnières.")))
                .andExpect(content().string(not(containsString("The monthly series"))));
        // too short for the detector
        mvc.perform(post("/prevention/early-warning")
                        .with(as(Role.COORDINATOR, organisation))
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .header("Accept-Language", "fr")
                        .locale(java.util.Locale.FRENCH)
                        .param("series", "period,value\n2023-Q1,5\n2023-Q2,6\n2023-Q3,4\n"))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(containsString("<span>La série compte 3 périodes ; le détecteur de changements en"
                                + " demande au moins 8")));
        // a review without a word, and one too long: refused on the page of flags
        mvc.perform(post("/prevention/flags/{id}/review", UUID.randomUUID())
                        .param("comment", " ")
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .header("Accept-Language", "fr")
                        .locale(java.util.Locale.FRENCH)
                        .with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span>Écrivez ce que vous avez constaté")));
        mvc.perform(post("/prevention/flags/{id}/review", UUID.randomUUID())
                        .param("comment", "x".repeat(2001))
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .header("Accept-Language", "fr")
                        .locale(java.util.Locale.FRENCH)
                        .with(as(Role.COORDINATOR, organisation)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span>Le commentaire dépasse 2000 caractères.</span>")));
    }
}
