package org.opennrm.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opennrm.Browser;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A notification arrives by e-mail, as a person gets it: a labour inspector refers someone in the browser, the
 * case manager's e-mail arrives in the mail catcher (GreenMail over real SMTP) without the person's name or the case's
 * reference, and its link, opened in the case manager's browser, leads to the case. At phone size for the inspector
 * and desktop size for the case manager.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"opennrm.mail.enabled=true", "opennrm.mail.send-interval=200ms"})
@ActiveProfiles("test")
class NotificationEmailBrowserTests {

    static final String PASSWORD = "demo-password-for-tests";
    static final int PORT = freePort();
    static final int SMTP_PORT = freePort();
    static final GreenMail MAIL_CATCHER =
            new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        MAIL_CATCHER.start();
    }

    @DynamicPropertySource
    static void mailAndAddress(DynamicPropertyRegistry properties) {
        properties.add("server.port", () -> PORT);
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP_PORT);
        properties.add("opennrm.public-url", () -> "http://localhost:" + PORT);
    }

    @AfterAll
    static void stopMailCatcher() {
        MAIL_CATCHER.stop();
    }

    @Test
    void aReferralMadeInTheBrowserReachesTheCaseManagerByEMailAndItsLinkLeadsToTheCase() throws Exception {
        String family = "Mailova" + UUID.randomUUID().toString().substring(0, 4);
        String reference;
        try (var inspector = Browser.phone(PORT)) {
            inspector.signIn("inspector", PASSWORD, null);
            inspector
                    .go("/referrals/new")
                    .type("givenName", "Daria")
                    .type("familyName", family)
                    .date("dateOfBirth", LocalDate.now().minusYears(29))
                    .selectValue("gender", "Feminine");
            inspector.check("consentAssistance", "true").clickId("save");
            var sent = inspector.textOf(By.id("sent-reference"));
            var found = Pattern.compile("NRM-\\d{4}-\\d+").matcher(sent);
            assertThat(found.find()).isTrue();
            reference = found.group();
        }

        var mail = awaitMail("casemanager@example.org");
        String body = GreenMailUtil.getBody(mail);
        assertThat(mail.getSubject()).contains("new referral");
        assertThat(body).doesNotContain(family).doesNotContain("Daria").doesNotContain(reference);
        var link = Pattern.compile("http://localhost:" + PORT + "/notifications/[0-9a-f-]{36}")
                .matcher(body);
        assertThat(link.find()).as("the e-mail links to the platform").isTrue();

        try (var manager = Browser.open(PORT)) {
            manager.signIn("casemanager", PASSWORD, null);
            manager.driver().get(link.group());
            manager.waitForText(reference);
            assertThat(manager.path()).startsWith("/cases/");
            assertThat(manager.text()).contains(family);
            manager.screenshot("notification-email-link-opened-desktop");
        }
    }

    private static MimeMessage awaitMail(String address) throws Exception {
        for (int i = 0; i < 300; i++) {
            var found = Arrays.stream(MAIL_CATCHER.getReceivedMessages())
                    .filter(message -> {
                        try {
                            return Arrays.stream(message.getAllRecipients())
                                    .anyMatch(to -> to.toString().equals(address));
                        } catch (jakarta.mail.MessagingException e) {
                            return false;
                        }
                    })
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no e-mail to " + address);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
