package org.opennrm.prevention.suppliers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.RecordNotFound;
import org.opennrm.access.Role;
import org.opennrm.cases.SignedIn;
import org.opennrm.prevention.finance.ImportInvalid;
import org.opennrm.prevention.finance.LineProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * A procurement office imports a list with its source and its suppliers (bad files refused whole, with each line),
 * screens them (spelling variants of listed employers become candidates, unrelated names and other countries do not),
 * reviews the candidates (a dismissal needs its reason; every review audited), and sees only its own data.
 */
@PlatformTest
class SupplierScreeningTests {

    @Autowired
    SupplierScreening screening;

    @Autowired
    JdbcClient jdbc;

    final UUID office = UUID.randomUUID();

    <T> T asOffice(java.util.function.Supplier<T> work) {
        return SignedIn.as(Role.PROCUREMENT_OFFICER, office, work);
    }

    @Test
    void badFilesAndSourcesAreRefusedWholeWithEveryLine() {
        String badList = "name,country\nSunrise Textiles Ltd,BGD\n,UKR\nNorthwind Fisheries,XXX\n";
        assertThatThrownBy(() -> asOffice(() -> screening.importList(SupplierFixtures.SOURCE, badList)))
                .isInstanceOfSatisfying(ImportInvalid.class, e -> assertThat(e.problems())
                        .extracting(LineProblem::line, LineProblem::key)
                        .containsExactly(
                                tuple(3, "finance.suppliers.problem.name"),
                                tuple(4, "finance.suppliers.problem.country")));
        assertThat(asOffice(screening::lists)).isEmpty();

        var noSource = new ListSource(" ", "Publisher", LocalDate.now().plusDays(1), "ftp://example.org");
        assertThatThrownBy(() -> asOffice(() -> screening.importList(noSource, SupplierFixtures.LIST)))
                .isInstanceOfSatisfying(ScreeningInvalid.class, e -> assertThat(e.fields())
                        .containsOnlyKeys("name", "publishedOn", "url"));

        String badSuppliers = "reference,name,country\nS-1,Alpha,DEU\nS-1,Beta,DEU\n";
        assertThatThrownBy(() -> asOffice(() -> screening.importSuppliers(badSuppliers)))
                .isInstanceOfSatisfying(ImportInvalid.class, e -> assertThat(e.problems())
                        .extracting(LineProblem::line, LineProblem::key)
                        .containsExactly(tuple(3, "finance.suppliers.problem.referenceTwice")));
        assertThat(asOffice(screening::suppliers)).isEmpty();
    }

    @Test
    void screeningFindsSpellingVariantsAndTheReviewIsAuditedAndKept() {
        var list = asOffice(() -> screening.importList(SupplierFixtures.SOURCE, SupplierFixtures.LIST));
        assertThat(list.entries()).isEqualTo(5);
        assertThat(asOffice(() -> screening.importSuppliers(SupplierFixtures.SUPPLIERS)))
                .isEqualTo(5);

        int pending = asOffice(screening::screen);

        var matches = asOffice(screening::pending);
        assertThat(pending).isEqualTo(2);
        assertThat(matches)
                .extracting(SupplierMatch::supplierName, SupplierMatch::employerName)
                .containsExactlyInAnyOrder(
                        tuple("SUNRISE TEXTILE LLC", "Sunrise Textiles Ltd"),
                        tuple("Kovalenko Agro", "Коваленко Агро ТОВ"));
        Map<String, Supplier.Result> results = asOffice(screening::suppliers).stream()
                .collect(Collectors.toMap(Supplier::reference, Supplier::result));
        assertThat(results)
                .containsEntry("SUP-001", Supplier.Result.TO_REVIEW)
                .containsEntry("SUP-003", Supplier.Result.CLEAR)
                .containsEntry("SUP-004", Supplier.Result.CLEAR);

        SupplierMatch sunrise = matches.stream()
                .filter(m -> m.supplierName().startsWith("SUNRISE"))
                .findFirst()
                .orElseThrow();
        SupplierMatch kovalenko = matches.stream()
                .filter(m -> m.supplierName().startsWith("Kovalenko"))
                .findFirst()
                .orElseThrow();

        assertThatThrownBy(() -> asOffice(() -> screening.review(kovalenko.id(), SupplierMatch.Decision.DISMISS, " ")))
                .isInstanceOfSatisfying(ScreeningInvalid.class, e -> assertThat(e.fields())
                        .containsEntry("reason", "finance.suppliers.error.reason"));
        asOffice(() -> screening.review(
                kovalenko.id(), SupplierMatch.Decision.DISMISS, "Another company: registry number differs"));
        var confirmed = asOffice(() -> screening.review(sunrise.id(), SupplierMatch.Decision.CONFIRM, null));
        assertThat(confirmed.status()).isEqualTo(SupplierMatch.Status.CONFIRMED);
        assertThat(audited(sunrise.id()) + audited(kovalenko.id())).isEqualTo(2);
        assertThatThrownBy(() -> asOffice(() -> screening.review(sunrise.id(), SupplierMatch.Decision.DISMISS, "no")))
                .isInstanceOf(ScreeningInvalid.class);

        // a second screening keeps both decisions and finds nothing new
        assertThat(asOffice(screening::screen)).isZero();
        results = asOffice(screening::suppliers).stream()
                .collect(Collectors.toMap(Supplier::reference, Supplier::result));
        assertThat(results)
                .containsEntry("SUP-001", Supplier.Result.MATCHED)
                .containsEntry("SUP-002", Supplier.Result.CLEAR);

        // another office sees none of it; another role may not ask
        UUID other = UUID.randomUUID();
        assertThatThrownBy(() -> SignedIn.as(Role.PROCUREMENT_OFFICER, other, () -> screening.match(sunrise.id())))
                .isInstanceOf(RecordNotFound.class);
        assertThat(SignedIn.as(Role.PROCUREMENT_OFFICER, other, screening::suppliers))
                .isEmpty();
        assertThatThrownBy(() -> SignedIn.as(Role.FINANCIAL_ANALYST, office, screening::suppliers))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    private long audited(UUID match) {
        return jdbc.sql("select count(*) from access.audit_entry where record_type = 'supplier-match' and record_id ="
                        + " :id")
                .param("id", match.toString())
                .query(Long.class)
                .single();
    }
}
