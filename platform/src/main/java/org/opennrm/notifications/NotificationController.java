package org.opennrm.notifications;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's notifications: the list, the home page panel, opening one (marks it read and goes to its page) and
 * marking all read. Administrators also see the e-mail outbox's state.
 */
@Controller
@RequestMapping("/notifications")
class NotificationController {

    private final Notifications notifications;
    private final MailOutbox outbox;

    NotificationController(Notifications notifications, MailOutbox outbox) {
        this.notifications = notifications;
        this.outbox = outbox;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SIGNED_IN')")
    String list(Model model) {
        model.addAttribute("notifications", notifications.mine());
        return "notifications/list";
    }

    @GetMapping("/preferences")
    @PreAuthorize("hasAuthority('SIGNED_IN')")
    String preferences(Model model) {
        model.addAttribute("preferences", notifications.myPreferences());
        return "notifications/preferences";
    }

    /** Saves what the person ticked: a box not ticked is not sent by the browser, so it means "no". */
    @PostMapping("/preferences")
    @PreAuthorize("hasAuthority('SIGNED_IN')")
    String choose(
            @org.springframework.web.bind.annotation.RequestParam(name = "platform", required = false)
                    java.util.Set<NotificationKind> platform,
            @org.springframework.web.bind.annotation.RequestParam(name = "email", required = false)
                    java.util.Set<NotificationKind> email,
            RedirectAttributes redirect) {
        var onPlatform = platform == null ? java.util.Set.<NotificationKind>of() : platform;
        var byEmail = email == null ? java.util.Set.<NotificationKind>of() : email;
        notifications.choose(java.util.Arrays.stream(NotificationKind.values())
                .map(kind -> new Preference(kind, onPlatform.contains(kind), byEmail.contains(kind)))
                .toList());
        redirect.addFlashAttribute("flash", "notifications.preferences.saved");
        return "redirect:/notifications/preferences";
    }

    /** The home page panel: unread notifications first; nothing at all when there is none. */
    @GetMapping("/panel")
    @PreAuthorize("hasAuthority('SIGNED_IN')")
    String panel(Model model) {
        var unread = notifications.mine().stream().filter(Notification::unread).toList();
        model.addAttribute("unread", unread.stream().limit(5).toList());
        model.addAttribute("unreadCount", unread.size());
        return "notifications/panel";
    }

    /**
     * Opens a notification: the link in an e-mail leads here, so that the person signs in first and lands on the
     * page. Someone else's notification is answered like one that does not exist.
     */
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('SIGNED_IN')")
    String open(@PathVariable UUID id) {
        return notifications
                .open(id)
                // only ever a path within the platform: never a redirect elsewhere, whatever a row says
                .filter(link -> link.startsWith("/") && !link.startsWith("//"))
                .map(link -> "redirect:" + link)
                .orElseThrow(() -> new org.opennrm.RecordNotFound("notification", id));
    }

    @PostMapping("/read")
    @PreAuthorize("hasAuthority('SIGNED_IN')")
    String markAllRead(RedirectAttributes redirect) {
        notifications.markAllRead();
        redirect.addFlashAttribute("flash", "notifications.allRead");
        return "redirect:/notifications";
    }

    @GetMapping("/outbox")
    @PreAuthorize("hasAuthority('accounts:read:all')")
    String outbox(Model model) {
        model.addAttribute("outbox", outbox.state());
        return "notifications/outbox";
    }
}
