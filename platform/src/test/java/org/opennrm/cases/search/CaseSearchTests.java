package org.opennrm.cases.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.access.SearchIndex;
import org.opennrm.access.TestSignIn;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CaseRuleViolation;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.ClosureReason;
import org.opennrm.cases.ConsentPurpose;
import org.opennrm.cases.ConsentStatement;
import org.opennrm.cases.OpenCase;
import org.opennrm.cases.OpenedCase;
import org.opennrm.cases.PersonIdentity;
import org.opennrm.cases.SignedIn;
import org.opennrm.cases.Stage;
import org.opennrm.linkage.NameFolding;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Finding a case by a person's name although names are stored encrypted: spellings and scripts meet, a word that
 * only shares the name's 16-bit bucket is never shown, each match shown is logged as a read, the index holds no
 * name, closed cases stay findable, and bad input gets a clear answer.
 */
@PlatformTest
class CaseSearchTests {

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseSearch search;

    @Autowired
    SearchIndex index;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    org.opennrm.cases.notes.CaseNotes notes;

    UUID inspectorate;
    UUID office;
    /** A family name of its own per test, so that other tests' persons never match. */
    String family;

    @BeforeEach
    void setUp() {
        inspectorate = organisations
                .findByName("State Labour Inspectorate")
                .orElseThrow()
                .id();
        office = organisations
                .findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        family = "Kovalenko" + letters(UUID.randomUUID());
    }

    @Test
    void aNameIsFoundInAnotherScriptAndSpellingAndEachMatchShownIsLogged() {
        var latin = refer("Oleksandr", family);
        var other = refer("Olena", family);
        var cyrillic = refer("Олександр", cyrillicOf(family));

        var found = find("Aleksandr " + family.toUpperCase(), null);

        assertThat(found)
                .extracting(CaseListing::reference)
                .containsExactlyInAnyOrder(latin.reference(), cyrillic.reference());
        assertThat(found).extracting(CaseListing::name).allMatch(name -> name != null && !name.isBlank());
        assertThat(find(family, null))
                .extracting(CaseListing::reference)
                .containsExactlyInAnyOrder(latin.reference(), other.reference(), cyrillic.reference());
        // logged before shown: one read per match, none for the person ruled out
        assertThat(readsOf(latin)).isPositive();
        assertThat(readsOf(cyrillic)).isPositive();
    }

    @Test
    void aPersonWhoseWordOnlySharesTheBucketIsNeverShown() {
        var wanted = refer("Maria", family);
        // a different word with the same 16-bit bucket as the family name: a candidate the index cannot rule out
        var word = NameFolding.words(family).getFirst();
        String twin = null;
        for (int i = 0; twin == null; i++) {
            var candidate = "zq" + Integer.toString(i, 36);
            // a word that folding keeps as it is (no y, j, w, g, doubled letters...), so that its bucket is the stored
            // one
            if (NameFolding.words(candidate).equals(List.of(candidate))
                    && index.bucket(candidate) == index.bucket(word)) {
                twin = candidate;
            }
        }
        var collision = refer("Maria", twin);
        assertThat(jdbc.sql("select count(*) from cases.person_name_word w join cases.case_file c"
                                + " on c.person_id = w.person_id where c.reference in (:a, :b) and w.bucket = :bucket")
                        .param("a", wanted.reference())
                        .param("b", collision.reference())
                        .param("bucket", index.bucket(word))
                        .query(Long.class)
                        .single())
                .as("both persons hold the bucket")
                .isEqualTo(2);

        assertThat(find(family, null)).extracting(CaseListing::reference).containsExactly(wanted.reference());
        assertThat(readsOf(collision)).as("the ruled-out candidate is not read").isZero();
    }

    @Test
    void theIndexHoldsBucketsNeverNames() {
        var opened = refer("Nguyen Thi", family);
        var buckets = jdbc.sql("""
                        select w.bucket from cases.person_name_word w join cases.case_file c on c.person_id = w.person_id
                        where c.reference = :reference""")
                .param("reference", opened.reference())
                .query(Integer.class)
                .list();
        // three name words and the date of birth
        assertThat(buckets).hasSize(4).allMatch(bucket -> bucket >= 0 && bucket < 65536);
        var columns = jdbc.sql("""
                        select column_name from information_schema.columns
                        where table_schema = 'cases' and table_name = 'person_name_word'""").query(String.class).list();
        assertThat(columns).containsExactlyInAnyOrder("person_id", "bucket");
    }

    @Test
    void closedCasesStayFindableAndTheStatusFilterHolds() {
        var closed = refer("Iryna", family);
        var open = refer("Halyna", family);
        SignedIn.run(
                Role.CASE_MANAGER, office, () -> cases.close(closed.caseId(), null, ClosureReason.PERSON_WITHDREW));

        assertThat(find(family, CaseStatus.CLOSED))
                .extracting(CaseListing::reference)
                .containsExactly(closed.reference());
        assertThat(find(family, CaseStatus.OPEN))
                .extracting(CaseListing::reference)
                .containsExactly(open.reference());
        assertThat(find(closed.reference().substring(4), null))
                .extracting(CaseListing::reference)
                .as("a reference without its NRM- prefix")
                .containsExactly(closed.reference());
        var listed = find("", CaseStatus.CLOSED);
        assertThat(listed).extracting(CaseListing::status).containsOnly(CaseStatus.CLOSED);
        assertThat(listed).extracting(CaseListing::name).containsOnlyNulls();
    }

    @Test
    void onlyNrmStaffMaySearchAndBadInputIsAnsweredOnThePage() throws Exception {
        assertThatThrownBy(() ->
                        SignedIn.as(Role.REFERRER, inspectorate, () -> search.find(new CaseQuery(family, null, 0))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> find("x".repeat(CaseQuery.TEXT_LIMIT + 1), null))
                .isInstanceOf(CaseRuleViolation.class);
        assertThat(find("!!! ---", null)).isEmpty();
    }

    @Test
    @WithMockUser(authorities = {"SIGNED_IN", "cases:read:all"})
    void thePageAnswersATooLongTextNextToTheFieldAndNeverFails() throws Exception {
        mvc.perform(get("/cases").param("q", "y".repeat(500)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"q-error\"")));
        mvc.perform(get("/cases").param("status", "NOT_A_STATUS")).andExpect(status().isBadRequest());
        mvc.perform(get("/cases").param("page", "-3")).andExpect(status().isOk());
        // a page number whose offset would overflow is read as the last page, not a database error
        mvc.perform(get("/cases").param("page", String.valueOf(Integer.MAX_VALUE)))
                .andExpect(status().isOk());
        mvc.perform(get("/cases").param("q", "Kovalenko").param("page", String.valueOf(Integer.MAX_VALUE)))
                .andExpect(status().isOk());
        mvc.perform(get("/cases").param("q", "a\u0000b")).andExpect(status().isBadRequest());
    }

    @Test
    void aPersonIsFoundByDateOfBirthAloneOrWithANameAndEachMatchShownIsLogged() {
        var bornOn = LocalDate.of(1950, 1, 1).plusDays(Math.floorMod(family.hashCode(), 20_000));
        var wanted = refer("Oksana", family, bornOn, inspectorate);
        var sameNameOtherDay = refer("Oksana", family, bornOn.plusDays(1), inspectorate);

        assertThat(find(bornOn.toString(), null))
                .extracting(CaseListing::reference)
                .contains(wanted.reference());
        var dayFirst = "%02d.%02d.%d".formatted(bornOn.getDayOfMonth(), bornOn.getMonthValue(), bornOn.getYear());
        assertThat(find(family + " " + dayFirst, null))
                .extracting(CaseListing::reference)
                .containsExactly(wanted.reference());
        assertThat(find(dayFirst.replace('.', '/') + " oksana " + family, null))
                .extracting(CaseListing::reference)
                .containsExactly(wanted.reference());
        assertThat(find(family + " " + bornOn.plusDays(2), null)).isEmpty();
        assertThat(readsOf(wanted)).isPositive();
        assertThat(readsOf(sameNameOtherDay))
                .as("ruled out by the date: never shown, never logged")
                .isZero();
        assertThatThrownBy(() -> find(family + " 31.02.1990", null))
                .isInstanceOfSatisfying(
                        CaseRuleViolation.class, e -> assertThat(e.messageKey()).isEqualTo("caseSearch.badDate"));
    }

    @Test
    void aCommonNameIsPagedInTheListsOrderAndOnlyTheLinesShownAreLogged() {
        // more persons of one name than two pages and more than one batch of decrypted names
        int count = 2 * CaseSearch.PAGE + 20;
        var referred = new java.util.ArrayList<OpenedCase>();
        for (int i = 0; i < count; i++) {
            referred.add(refer(i % 2 == 0 ? "Lan" : "Olena", family));
        }
        var expected = jdbc.sql("select reference from cases.case_file where reference in (:references)"
                        + " order by referred_on desc, reference desc")
                .param(
                        "references",
                        referred.stream().map(OpenedCase::reference).toList())
                .query(String.class)
                .list();

        var first = SignedIn.as(
                Role.CASE_MANAGER, office, () -> search.find(new CaseQuery(family, null, null, null, null, false, 0)));
        assertThat(first).hasSize(CaseSearch.PAGE + 1);
        var shown = new java.util.ArrayList<String>();
        first.stream().limit(CaseSearch.PAGE).forEach(line -> shown.add(line.reference()));
        assertThat(shown).containsExactlyElementsOf(expected.subList(0, CaseSearch.PAGE));
        // logged before shown, and only what was shown: the line that says "there is more" is not a read
        var notYetShown = referred.stream()
                .filter(opened -> !shown.contains(opened.reference()))
                .toList();
        assertThat(notYetShown).allMatch(opened -> readsOf(opened) == 0);
        assertThat(referred.stream().filter(opened -> shown.contains(opened.reference())))
                .allMatch(opened -> readsOf(opened) == 1);

        for (int page = 1; page <= 2; page++) {
            int p = page;
            var lines = SignedIn.as(
                    Role.CASE_MANAGER,
                    office,
                    () -> search.find(new CaseQuery(family, null, null, null, null, false, p)));
            lines.stream().limit(CaseSearch.PAGE).forEach(line -> shown.add(line.reference()));
        }
        assertThat(shown).containsExactlyElementsOf(expected);
        assertThat(SignedIn.as(
                        Role.CASE_MANAGER,
                        office,
                        () -> search.find(new CaseQuery("Lan " + family, null, null, null, null, false, 0))))
                .extracting(CaseListing::reference)
                .containsExactlyElementsOf(expected.stream()
                        .filter(reference -> referred.indexOf(referred.stream()
                                                .filter(o -> o.reference().equals(reference))
                                                .findFirst()
                                                .orElseThrow())
                                        % 2
                                == 0)
                        .limit(CaseSearch.PAGE + 1)
                        .toList());
    }

    @Test
    void filtersCombineWithEachOtherWithTheSearchAndWithPaging() {
        var shelter =
                organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
        var byInspectorate = refer("Iryna", family, LocalDate.of(1990, 5, 6), inspectorate);
        var byShelter = refer("Halyna", family, LocalDate.of(1991, 7, 8), shelter);

        assertThat(find(new CaseQuery(family, null, null, inspectorate, null, false, 0)))
                .extracting(CaseListing::reference)
                .containsExactly(byInspectorate.reference());
        assertThat(find(new CaseQuery(family, CaseStatus.OPEN, Stage.REFERRED, shelter, null, false, 0)))
                .extracting(CaseListing::reference)
                .containsExactly(byShelter.reference());
        assertThat(find(new CaseQuery(family, null, Stage.IN_ASSISTANCE, null, null, false, 0)))
                .isEmpty();
        assertThat(find(new CaseQuery(family, CaseStatus.CLOSED, null, null, null, false, 0)))
                .isEmpty();
        // a new case's preliminary decision is due ahead: never overdue
        assertThat(find(new CaseQuery(family, null, null, null, CaseDue.OVERDUE, false, 0)))
                .isEmpty();
        var dueThisWeek = jdbc.sql("select next_due_on <= current_date + 6 from cases.case_file where id = :id")
                .param("id", byShelter.caseId().value())
                .query(Boolean.class)
                .single();
        assertThat(find(new CaseQuery(family, null, null, null, CaseDue.THIS_WEEK, false, 0)))
                .hasSize(dueThisWeek ? 2 : 0);

        // the whole list, filtered without search text: every line holds every filter, and the page after it goes on
        var overdue = find(new CaseQuery("", CaseStatus.OPEN, null, null, CaseDue.OVERDUE, false, 0));
        var overdueCount = jdbc.sql(
                        "select count(*) from cases.case_file where status = 'OPEN' and next_due_on < current_date")
                .query(Long.class)
                .single();
        assertThat(overdue).hasSize((int) Math.min(overdueCount, CaseSearch.PAGE + 1));
        if (overdueCount > CaseSearch.PAGE) {
            var next = find(new CaseQuery("", CaseStatus.OPEN, null, null, CaseDue.OVERDUE, false, 1));
            assertThat(next)
                    .extracting(CaseListing::reference)
                    .doesNotContainAnyElementsOf(overdue.stream()
                            .limit(CaseSearch.PAGE)
                            .map(CaseListing::reference)
                            .toList());
        }
    }

    @Test
    void mineAreTheCasesIWorkedOn() {
        var mineCase = refer("Marta", family, LocalDate.of(1988, 1, 2), inspectorate);
        refer("Daria", family, LocalDate.of(1989, 3, 4), inspectorate);
        var me = TestSignIn.actor(Role.CASE_MANAGER, office);
        SignedIn.as(
                me,
                () -> notes.add(
                        mineCase.caseId(),
                        new org.opennrm.cases.notes.NewNote(
                                org.opennrm.cases.notes.NoteKind.NOTE, null, null, "Called the shelter.")));

        var found = SignedIn.as(me, () -> search.find(new CaseQuery(family, null, null, null, null, true, 0)));
        assertThat(found).extracting(CaseListing::reference).containsExactly(mineCase.reference());
        var someoneElse = SignedIn.as(
                Role.CASE_MANAGER, office, () -> search.find(new CaseQuery(family, null, null, null, null, true, 0)));
        assertThat(someoneElse).isEmpty();
    }

    @Test
    void aGuardiansCasesAreMineOnlyWhileTheyAreTheGuardianAppointedLast() {
        var child = refer("Nadia", family, LocalDate.of(1995, 4, 5), inspectorate);
        var first = TestSignIn.actor(Role.CASE_MANAGER, office);
        var second = TestSignIn.actor(Role.CASE_MANAGER, office);
        var appointed = java.time.Instant.parse("2026-01-10T09:00:00Z");
        // the second guardian replaced the first; a third appointment at the same moment as the second, with a larger
        // id, does not count (the platform takes the smallest id on a tie)
        var tie = java.util.stream.Stream.generate(UUID::randomUUID)
                .limit(2)
                // PostgreSQL orders uuids by their bytes, as their text sorts (UUID.compareTo compares signed longs)
                .sorted(java.util.Comparator.comparing(UUID::toString))
                .toList();
        appoint(child, first.accountId(), appointed, UUID.randomUUID());
        appoint(child, second.accountId(), appointed.plusSeconds(3600), tie.get(0));
        appoint(child, first.accountId(), appointed.plusSeconds(3600), tie.get(1));

        assertThat(SignedIn.as(second, () -> search.find(new CaseQuery(family, null, null, null, null, true, 0))))
                .extracting(CaseListing::reference)
                .containsExactly(child.reference());
        assertThat(SignedIn.as(first, () -> search.find(new CaseQuery(family, null, null, null, null, true, 0))))
                .isEmpty();
    }

    private void appoint(OpenedCase opened, UUID guardian, java.time.Instant at, UUID id) {
        jdbc.sql("insert into cases.guardian_appointment (id, case_id, guardian_account_id, appointed_at)"
                        + " values (:id, :case, :guardian, :at)")
                .param("id", id)
                .param("case", opened.caseId().value())
                .param("guardian", guardian)
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }

    private List<CaseListing> find(CaseQuery query) {
        return SignedIn.as(Role.CASE_MANAGER, office, () -> search.find(query));
    }

    private OpenedCase refer(String given, String familyName) {
        return refer(given, familyName, LocalDate.of(1994, 2, 3), inspectorate);
    }

    private OpenedCase refer(String given, String familyName, LocalDate bornOn, UUID referrer) {
        var person =
                new PersonIdentity(given, familyName, null, bornOn, null, "Feminine", Set.of("UKR"), Set.of("ukr"));
        var request = new OpenCase(
                person,
                false,
                "Synthetic test case.",
                CaseFixtures.labourProfile(),
                List.of(new ConsentStatement(ConsentPurpose.ASSISTANCE, null, true)),
                List.of(),
                null,
                null);
        return SignedIn.as(Role.REFERRER, referrer, () -> cases.open(request));
    }

    private List<CaseListing> find(String text, CaseStatus status) {
        return SignedIn.as(Role.CASE_MANAGER, office, () -> search.find(new CaseQuery(text, status, 0)));
    }

    private long readsOf(OpenedCase opened) {
        return jdbc.sql("""
                        select count(*) from access.audit_entry
                        where record_type = 'case' and record_id = :id and action = 'READ' and detail = 'search'""")
                .param("id", opened.caseId().toString())
                .query(Long.class)
                .single();
    }

    /** Sixteen Latin letters and the Cyrillic letters that romanise to each, one for one. */
    private static final String LATIN = "abdefklmnoprtuvz";

    private static final String CYRILLIC = "абдефклмнопртувз";

    /** Letters only (a name word), from a random id: digits would be a word of their own. */
    private static String letters(UUID id) {
        var out = new StringBuilder();
        for (char ch : id.toString().replace("-", "").substring(0, 8).toCharArray()) {
            out.append(LATIN.charAt(Character.digit(ch, 16)));
        }
        return out.toString();
    }

    /** The family name in Cyrillic letters that romanise back to it. */
    private static String cyrillicOf(String latin) {
        var out = new StringBuilder();
        for (char ch : latin.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            int at = LATIN.indexOf(ch);
            out.append(at < 0 ? ch : CYRILLIC.charAt(at));
        }
        return out.toString();
    }
}
