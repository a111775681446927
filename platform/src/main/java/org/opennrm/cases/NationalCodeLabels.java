package org.opennrm.cases;

import java.text.MessageFormat;
import java.util.Locale;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.HierarchicalMessageSource;
import org.springframework.context.MessageSource;
import org.springframework.context.support.AbstractMessageSource;
import org.springframework.stereotype.Component;

/**
 * The labels of national codes added in the pages, as words of the pages: {@code code.<list>.<code>}, the key every
 * template and table already asks for a code's label, is answered from {@link NationalCodes} when the bundles do not
 * hold it. Installed as the parent of the platform's message source (not a bean itself, so that the platform keeps one
 * message source), so it is asked only for what the bundles lack. A retired code keeps its label.
 */
class NationalCodeLabels extends AbstractMessageSource {

    private static final String PREFIX = "code.";

    private final NationalCodes national;

    NationalCodeLabels(NationalCodes national) {
        this.national = national;
    }

    /** Installs the labels under the platform's message source once every bean is there. */
    @Component
    static class Installer implements SmartInitializingSingleton {

        private final NationalCodes national;
        private final MessageSource messages;

        Installer(NationalCodes national, MessageSource messages) {
            this.national = national;
            this.messages = messages;
        }

        @Override
        public void afterSingletonsInstantiated() {
            if (messages instanceof HierarchicalMessageSource hierarchical
                    && hierarchical.getParentMessageSource() == null) {
                hierarchical.setParentMessageSource(new NationalCodeLabels(national));
            }
        }
    }

    @Override
    protected String resolveCodeWithoutArguments(String code, Locale locale) {
        if (code == null || !code.startsWith(PREFIX)) {
            return null;
        }
        int dot = code.indexOf('.', PREFIX.length());
        if (dot < 0) {
            return null;
        }
        String list = code.substring(PREFIX.length(), dot);
        if (!CodeLists.EXTENSIBLE.contains(list)) {
            return null;
        }
        return national.find(list, code.substring(dot + 1))
                .map(found -> found.label(locale == null ? Locale.ENGLISH : locale))
                .orElse(null);
    }

    @Override
    protected MessageFormat resolveCode(String code, Locale locale) {
        String label = resolveCodeWithoutArguments(code, locale);
        // quoted whole: a label is text the NRM wrote, never a pattern with arguments
        return label == null ? null : new MessageFormat("'" + label.replace("'", "''") + "'", locale);
    }
}
