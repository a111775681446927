package org.opennrm.screening;

import java.util.List;

/**
 * What the answers to a checklist suggest, and why: which ILO/EC elements are present and by which
 * counted indicators (with their strength, text and verification as they were when assessed), which
 * requirements of the combination rule are met, other signs from the context catalogues, and the
 * cautions to read with it. A suggestion for the screener, never an identification decision.
 *
 * @param assessedAs the rule applied: ADULT or CHILD (a person of unknown age is assessed as configured)
 * @param indicatorList the ILO/EC list counted, e.g. {@code adult-labour}
 * @param questionsNotKnown questions answered "don't know" or left unanswered
 */
public record ScreeningResult(
        Suggestion suggestion,
        AgeGroup assessedAs,
        String indicatorList,
        List<ElementFinding> elements,
        List<RequirementFinding> requirements,
        List<OtherSign> otherSigns,
        int questionsNotKnown,
        List<Caution> cautions) {

    public ScreeningResult {
        elements = List.copyOf(elements);
        requirements = List.copyOf(requirements);
        otherSigns = List.copyOf(otherSigns);
        cautions = List.copyOf(cautions);
    }

    public boolean suggestsReferral() {
        return suggestion == Suggestion.REFER_AS_PRESUMED_VICTIM;
    }

    /**
     * One element and whether it is present: the indicators answered "yes" that count for it, and the
     * clause of the element rule they meet ({@code matchedBy} is null when the element is not present).
     */
    public record ElementFinding(
            Element element,
            boolean present,
            Clause matchedBy,
            int strong,
            int medium,
            int weak,
            List<CountedIndicator> counted) {

        public ElementFinding {
            counted = List.copyOf(counted);
        }
    }

    /** An ILO/EC indicator counted because a question that stands for it was answered "yes". */
    public record CountedIndicator(
            String questionId, String indicatorId, Strength strength, String text, Verification verification) {}

    /** One requirement of the combination rule: met when any of its elements is present. */
    public record RequirementFinding(List<Element> anyOf, boolean met) {
        public RequirementFinding {
            anyOf = List.copyOf(anyOf);
        }
    }

    /** A sign from another catalogue (ILO forced labour, UNODC, other patterns): context, not counted. */
    public record OtherSign(
            String questionId,
            String indicatorId,
            String catalogue,
            String group,
            String text,
            Verification verification) {}
}
