package org.opennrm.screening;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opennrm.screening.ScreeningResult.CountedIndicator;
import org.opennrm.screening.ScreeningResult.ElementFinding;
import org.opennrm.screening.ScreeningResult.OtherSign;
import org.opennrm.screening.ScreeningResult.RequirementFinding;

/**
 * Applies the ILO/EC rules to the answers of a checklist: "yes" answers become indicators of the list for
 * the person's age group, each element is present or not by {@link ElementRule}, and the present elements
 * suggest a referral or not by {@link CombinationRule}.
 */
record ScreeningRule(
        String version,
        Verification verification,
        ElementRule elementRule,
        CombinationRule adult,
        CombinationRule child,
        AgeGroup ageUnknownAs) {

    ScreeningResult assess(
            Checklist checklist,
            Map<String, Answer> answers,
            AgeGroup ageGroup,
            Set<ExploitationForm> forms,
            Catalogues catalogues) {
        AgeGroup assessedAs = ageGroup == AgeGroup.UNKNOWN ? ageUnknownAs : ageGroup;
        String list = assessedAs == AgeGroup.CHILD ? Catalogues.CHILD_LABOUR : Catalogues.ADULT_LABOUR;
        CombinationRule combination = assessedAs == AgeGroup.CHILD ? child : adult;

        Map<String, CountedIndicator> counted = new LinkedHashMap<>();
        Map<String, OtherSign> otherSigns = new LinkedHashMap<>();
        int notKnown = 0;
        for (var question : checklist.questions()) {
            Answer answer = answers.getOrDefault(question.id(), Answer.DONT_KNOW);
            if (answer == Answer.DONT_KNOW) {
                notKnown++;
            }
            if (answer != Answer.YES) {
                continue;
            }
            for (String indicatorId : question.indicators()) {
                var indicator = catalogues.indicator(indicatorId).orElseThrow();
                if (indicator.graded() && list.equals(indicator.group())) {
                    counted.putIfAbsent(
                            indicatorId,
                            new CountedIndicator(
                                    question.id(),
                                    indicatorId,
                                    indicator.strength(),
                                    indicator.text(),
                                    indicator.verification()));
                } else if (!indicator.graded()) {
                    otherSigns.putIfAbsent(
                            indicatorId,
                            new OtherSign(
                                    question.id(),
                                    indicatorId,
                                    indicator.catalogue(),
                                    indicator.group(),
                                    indicator.text(),
                                    indicator.verification()));
                }
            }
        }

        Map<Element, List<CountedIndicator>> byElement = new EnumMap<>(Element.class);
        for (Element element : Element.values()) {
            byElement.put(element, new ArrayList<>());
        }
        counted.values().forEach(c -> byElement
                .get(catalogues.indicator(c.indicatorId()).orElseThrow().element())
                .add(c));

        List<ElementFinding> elements = new ArrayList<>();
        Set<Element> present = EnumSet.noneOf(Element.class);
        for (var entry : byElement.entrySet()) {
            int strong = count(entry.getValue(), Strength.STRONG);
            int medium = count(entry.getValue(), Strength.MEDIUM);
            int weak = count(entry.getValue(), Strength.WEAK);
            var clause = elementRule.matched(strong, medium, weak);
            clause.ifPresent(c -> present.add(entry.getKey()));
            elements.add(new ElementFinding(
                    entry.getKey(), clause.isPresent(), clause.orElse(null), strong, medium, weak, entry.getValue()));
        }

        List<RequirementFinding> requirements = combination.requirements().stream()
                .map(anyOf -> new RequirementFinding(
                        anyOf.stream().sorted().toList(), anyOf.stream().anyMatch(present::contains)))
                .toList();
        var suggestion =
                combination.metBy(present) ? Suggestion.REFER_AS_PRESUMED_VICTIM : Suggestion.NO_REFERRAL_SUGGESTED;

        List<Caution> cautions = new ArrayList<>();
        if (verification != Verification.VERIFIED || catalogues.operational().verification() != Verification.VERIFIED) {
            cautions.add(Caution.UNVERIFIED_RULE);
        }
        if (forms.contains(ExploitationForm.SEXUAL_EXPLOITATION)) {
            cautions.add(Caution.SEXUAL_EXPLOITATION_LIST_MISSING);
        }
        if (ageGroup == AgeGroup.UNKNOWN) {
            cautions.add(
                    assessedAs == AgeGroup.CHILD
                            ? Caution.AGE_UNKNOWN_ASSESSED_AS_CHILD
                            : Caution.AGE_UNKNOWN_ASSESSED_AS_ADULT);
        }
        if (assessedAs == AgeGroup.CHILD && combination.needsNoDestination()) {
            cautions.add(Caution.CHILD_NO_MEANS_NEEDED);
        }
        if (notKnown > 0) {
            cautions.add(Caution.ANSWERS_MISSING);
        }
        if (!checklist.lists().isEmpty() && !checklist.lists().contains(list)) {
            cautions.add(Caution.LIST_NOT_IN_CHECKLIST);
        }
        return new ScreeningResult(
                suggestion,
                assessedAs,
                list,
                elements,
                requirements,
                List.copyOf(otherSigns.values()),
                notKnown,
                cautions);
    }

    private static int count(List<CountedIndicator> indicators, Strength strength) {
        return (int) indicators.stream().filter(i -> i.strength() == strength).count();
    }
}
