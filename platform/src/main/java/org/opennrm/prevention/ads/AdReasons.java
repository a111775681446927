package org.opennrm.prevention.ads;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A rank's reasons as the analyst reads them, in the analyst's language (and in English for the API). */
@Component
public class AdReasons {

    private final MessageSource messages;

    AdReasons(MessageSource messages) {
        this.messages = messages;
    }

    public List<String> of(Triage.Ranked<?> ranked, Locale locale) {
        if (ranked == null) {
            return List.of();
        }
        return ranked.reasons().stream().map(reason -> of(reason, locale)).toList();
    }

    public String of(Triage.Reason reason, Locale locale) {
        String category =
                reason.category() == null ? "" : messages.getMessage("ads.category." + reason.category(), null, locale);
        String phrases = reason.phrases().stream().map(p -> "«" + p + "»").collect(Collectors.joining(", "));
        String fields = reason.fields().stream()
                .map(field -> messages.getMessage("ads.field." + field, null, locale))
                .collect(Collectors.joining(", "));
        return messages.getMessage(
                "ads.reason." + reason.kind(),
                new Object[] {category, reason.points(), phrases, reason.count(), fields},
                locale);
    }
}
