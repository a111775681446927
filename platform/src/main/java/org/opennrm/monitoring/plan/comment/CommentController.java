package org.opennrm.monitoring.plan.comment;

import java.util.UUID;
import org.opennrm.RuleViolation;
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

    CommentController(RapporteurComments comments) {
        this.comments = comments;
    }

    @GetMapping
    @PreAuthorize(RapporteurComments.READ)
    String panel(@RequestParam CommentSubject subject, @RequestParam UUID id, Model model) {
        return panel(subject, id, null, null, model);
    }

    @PostMapping
    @PreAuthorize(RapporteurComments.COMMENT)
    String write(
            @RequestParam CommentSubject subject,
            @RequestParam UUID id,
            @RequestParam(required = false) String text,
            Model model) {
        try {
            comments.write(subject, id, text);
        } catch (RuleViolation e) {
            String error = text == null || text.isBlank() ? "plan.comment.required" : "plan.comment.size";
            return panel(subject, id, error, text, model);
        }
        return panel(subject, id, null, null, model);
    }

    private String panel(CommentSubject subject, UUID id, String error, String typed, Model model) {
        model.addAttribute("subject", subject);
        model.addAttribute("subjectId", id);
        model.addAttribute("comments", comments.on(subject, id));
        model.addAttribute("mayComment", comments.mayComment());
        model.addAttribute("commentError", error);
        model.addAttribute("typed", typed);
        return "plan/comments :: panel";
    }
}
