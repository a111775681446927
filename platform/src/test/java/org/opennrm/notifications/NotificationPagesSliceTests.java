package org.opennrm.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.opennrm.access.Role;
import org.opennrm.access.WebSliceSecurity;
import org.opennrm.ui.Navigation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The notification pages as a web slice: only this controller, the platform's security and the page layout run; the
 * notifications and the outbox are stand-ins. What is tested here is the web's own part (who reaches which page, the
 * kinds in words, a link that only ever leads within the platform, what an unticked box means); who is told of what is
 * {@code NotificationsModuleTests}, and the e-mail journey {@code NotificationsTests}.
 */
@WebMvcTest(
        controllers = NotificationController.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = WebSliceSecurity.SLICE_EXCLUDED))
@Import({WebSliceSecurity.class, Navigation.class})
@ActiveProfiles("test")
class NotificationPagesSliceTests {

    static final UUID OFFICE = UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Notifications notifications;

    @MockitoBean
    MailOutbox outbox;

    @Test
    void theListNamesEachKindInWordsAndTheUnreadOnesFirstOnTheHomePanel() throws Exception {
        var unread = new Notification(
                UUID.randomUUID(),
                NotificationKind.NEW_REFERRAL,
                "/cases/x",
                Instant.parse("2026-12-06T10:00:00Z"),
                null);
        var read = new Notification(
                UUID.randomUUID(),
                NotificationKind.PERMIT_EXPIRING,
                "/assistance/cases/x",
                Instant.parse("2026-12-05T10:00:00Z"),
                Instant.parse("2026-12-05T11:00:00Z"));
        when(notifications.mine()).thenReturn(List.of(unread, read));

        mvc.perform(get("/notifications").with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/notifications/" + unread.id())))
                .andExpect(content().string(not(containsString(">NEW_REFERRAL<"))))
                .andExpect(content().string(not(containsString(">PERMIT_EXPIRING<"))));
        mvc.perform(get("/notifications/panel").with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/notifications/" + unread.id())))
                .andExpect(content().string(not(containsString("/notifications/" + read.id()))));
    }

    @Test
    void nobodySignedOutReachesThePagesAndOnlyAdministratorsSeeTheOutbox() throws Exception {
        mvc.perform(get("/notifications").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/notifications/" + UUID.randomUUID()).accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/notifications/outbox").with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(status().isForbidden());
        verify(outbox, never()).state();

        when(outbox.state())
                .thenReturn(new OutboxState(
                        Map.of(
                                OutboxState.Status.PENDING,
                                2L,
                                OutboxState.Status.SENT,
                                5L,
                                OutboxState.Status.FAILED,
                                0L),
                        List.of(),
                        true));
        mvc.perform(get("/notifications/outbox").with(as(Role.ADMINISTRATOR, OFFICE)))
                .andExpect(status().isOk());
        verify(outbox).state();
    }

    @Test
    void openingLeadsOnlyWithinThePlatformAndSomeoneElsesIsNotFound() throws Exception {
        var mine = UUID.randomUUID();
        when(notifications.open(mine)).thenReturn(Optional.of("/cases/abc"));
        mvc.perform(get("/notifications/" + mine).with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(redirectedUrl("/cases/abc"));

        // a link that would leave the platform is never followed, whatever a row says
        var elsewhere = UUID.randomUUID();
        when(notifications.open(elsewhere)).thenReturn(Optional.of("//evil.example/phish"));
        mvc.perform(get("/notifications/" + elsewhere).with(as(Role.CASE_MANAGER, OFFICE)))
                .andExpect(status().isNotFound());

        var someoneElses = UUID.randomUUID();
        when(notifications.open(someoneElses)).thenReturn(Optional.empty());
        mvc.perform(get("/notifications/" + someoneElses).with(as(Role.SERVICE_PROVIDER, OFFICE)))
                .andExpect(status().isNotFound());
    }

    @Test
    void anUntickedBoxMeansNoAndEveryKindIsSavedWithoutCsrfNothingIs() throws Exception {
        mvc.perform(post("/notifications/preferences")
                        .with(as(Role.CASE_MANAGER, OFFICE))
                        .param("platform", "NEW_REFERRAL"))
                // a form without its token (an old tab, another site) is sent to sign in again, never saved
                .andExpect(redirectedUrl("/login?expired"));
        verify(notifications, never()).choose(any());

        mvc.perform(post("/notifications/preferences")
                        .with(as(Role.CASE_MANAGER, OFFICE))
                        .with(csrf())
                        .param("platform", "NEW_REFERRAL")
                        .param("email", "NEW_REFERRAL", "PERMIT_EXPIRING"))
                .andExpect(redirectedUrl("/notifications/preferences"));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<Preference>> saved = ArgumentCaptor.forClass(List.class);
        verify(notifications).choose(saved.capture());
        assertThat(saved.getValue())
                .hasSize(NotificationKind.values().length)
                .contains(new Preference(NotificationKind.NEW_REFERRAL, true, true))
                .contains(new Preference(NotificationKind.PERMIT_EXPIRING, false, true))
                .contains(new Preference(NotificationKind.SERVICE_REFERRAL, false, false));
    }
}
