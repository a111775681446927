package org.opennrm.monitoring.plan.comment;

import java.util.Locale;
import java.util.UUID;
import org.opennrm.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The rapporteur's comments beside a measure, recommendation or report: a panel the item's page loads (htmx), with
 * the form to comment for the rapporteur; the form posts back into the panel.
 */
@Controller
@RequestMapping("/plans/comments")
class CommentController {

    private final RapporteurComments comments;
    private final MessageSource messages;

    CommentController(RapporteurComments comments, MessageSource messages) {
        this.comments = comments;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize(RapporteurComments.READ)
    String panel(@RequestParam CommentSubject subject, @RequestParam UUID id, Model model) {
        return panel(subject, id, null, model);
    }

    @PostMapping
    @PreAuthorize(RapporteurComments.COMMENT)
    String write(
            @RequestParam CommentSubject subject,
            @RequestParam UUID id,
            @RequestParam(required = false) String text,
            Model model,
            Locale locale) {
        try {
            comments.write(subject, id, text);
        } catch (RuleViolation e) {
            // the refusal's own words (no text, too long), in the reader's language
            e.showOn(model, "commentError", messages, locale);
            return panel(subject, id, text, model);
        }
        return panel(subject, id, null, model);
    }

    private String panel(CommentSubject subject, UUID id, String typed, Model model) {
        model.addAttribute("subject", subject);
        model.addAttribute("subjectId", id);
        model.addAttribute("comments", comments.on(subject, id));
        model.addAttribute("mayComment", comments.mayComment());
        model.addAttribute("typed", typed);
        return "plan/comments :: panel";
    }
}
