package org.opennrm.cases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The identification decisions of one case and the panel's reviews of them: which decision stands now (a
 * reconsideration replaces the decision it reviews, and both stay in the history), and what the order of the
 * procedure allows next. Nothing is ever changed or removed, only added.
 *
 * <p>A part of the {@link Case} aggregate, changed only by it: the case decides what a decision does to its stage,
 * recovery period and deadlines, and announces it; this history knows only what was decided and reviewed.
 */
final class DecisionHistory {

    private final List<Decision> decisions;
    private final List<Review> reviews;

    DecisionHistory(List<Decision> decisions, List<Review> reviews) {
        this.decisions = new ArrayList<>(decisions);
        this.reviews = new ArrayList<>(reviews);
    }

    /**
     * The order of the procedure: one preliminary decision; a formal decision only after a positive (or reconsidered)
     * preliminary one, and only once. A negative decision is reviewed instead of decided again.
     *
     * <p>The refusal comes as the way to make it, made only when it is thrown: the case page asks this twice for
     * every open case it shows, and a rule violation's stack trace costs more than the check itself (about 290 were
     * made and dropped a second in a profile of case pages).
     */
    Optional<Supplier<DecisionOutOfOrder>> outOfOrder(DecisionKind kind) {
        var preliminary = current(DecisionKind.PRELIMINARY);
        if (kind == DecisionKind.PRELIMINARY) {
            return preliminary.isPresent() ? Optional.of(DecisionOutOfOrder::secondPreliminary) : Optional.empty();
        }
        if (preliminary.isEmpty()) {
            return Optional.of(DecisionOutOfOrder::formalBeforePreliminary);
        }
        if (!preliminary.get().outcome().positive()) {
            return Optional.of(DecisionOutOfOrder::formalAfterNegativePreliminary);
        }
        if (current(DecisionKind.FORMAL).isPresent()) {
            return Optional.of(DecisionOutOfOrder::secondFormal);
        }
        return Optional.empty();
    }

    /**
     * Whether a panel may review this decision, whatever the case's status: a negative decision, not replaced, not
     * reviewed before.
     */
    boolean reviewable(Decision decision) {
        return !decision.outcome().positive()
                && !replaced(decision)
                && reviewOf(decision).isEmpty();
    }

    /** The decision of a kind that stands now: the latest one, as a reconsideration replaces the one before. */
    Optional<Decision> current(DecisionKind kind) {
        return decisions.stream()
                .filter(decision -> decision.kind() == kind && !replaced(decision))
                .max(Comparator.comparing(Decision::recordedAt));
    }

    /** Whether a later decision replaced this one after a review. */
    boolean replaced(Decision decision) {
        return decisions.stream().anyMatch(later -> decision.id().equals(later.reconsiders()));
    }

    Optional<Review> reviewOf(Decision decision) {
        return reviews.stream()
                .filter(review -> review.decisionId().equals(decision.id()))
                .findFirst();
    }

    /** A decision of this case by its id; one of another case (or none) is not found. */
    Decision decision(UUID decisionId) {
        return decisions.stream()
                .filter(decision -> decision.id().equals(decisionId))
                .findFirst()
                .orElseThrow(() -> new org.opennrm.RecordNotFound("decision", decisionId));
    }

    void add(Decision decision) {
        decisions.add(decision);
    }

    void add(Review review) {
        reviews.add(review);
    }

    /** Every decision, oldest first. */
    List<Decision> decisions() {
        return decisions.stream()
                .sorted(Comparator.comparing(Decision::recordedAt))
                .toList();
    }

    List<Review> reviews() {
        return List.copyOf(reviews);
    }
}
