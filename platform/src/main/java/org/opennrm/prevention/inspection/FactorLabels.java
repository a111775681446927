package org.opennrm.prevention.inspection;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Words for the factors of a score, in the reader's language: what raised or lowered it, and by how much. */
@Component
class FactorLabels {

    /** A factor as shown: its words, its contribution to the log-odds and whether it raised the score. */
    record Shown(String label, double contribution, boolean raises) {}

    private final MessageSource messages;

    FactorLabels(MessageSource messages) {
        this.messages = messages;
    }

    List<Shown> of(List<Factor> factors, Locale locale) {
        return factors.stream()
                .map(f -> new Shown(label(f, locale), f.contribution(), f.raises()))
                .toList();
    }

    String label(Factor factor, Locale locale) {
        Object argument =
                switch (factor.key()) {
                    case "inspection.factor.sector" -> sector(factor.argument(), locale);
                    case "inspection.factor.region" -> factor.argument();
                    case "inspection.factor.years" -> String.format(locale, "%.1f", factor.value());
                    default -> String.format(locale, "%,d", Math.round(factor.value()));
                };
        return messages.getMessage(factor.key(), new Object[] {argument}, factor.key(), locale);
    }

    String sector(String letter, Locale locale) {
        return messages.getMessage("inspection.sector." + letter, null, letter, locale);
    }
}
