package org.opennrm;

import java.time.Clock;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** Infrastructure every module shares; scheduling is on for background work such as sealing the audit chain. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

    /**
     * One clock for deadlines, audit entries and lock-outs, so that tests can fix the time: the system's UTC time,
     * which only the demonstration seed shifts, on its own threads ({@link SeedingClock}).
     */
    @Bean
    Clock clock() {
        return new SeedingClock(Clock.systemUTC());
    }

    /**
     * Leaves out the filter that rewrites every link of a page to a versioned resource URL. Spring Boot adds it
     * because the webjars locator turns the resource chain on; we use no versioned URLs (a webjar is linked
     * without its version and the locator finds it when it is served), yet the filter matched each of a page's
     * links against every resource pattern: an eighth of the NRM queue page's CPU time in a profile.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingLeftOut() {
        var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    /**
     * The words of the pages and messages, from the bundles of {@code spring.messages.basename} (one per module),
     * merged into one table per language when a language is first asked for. Spring Boot's default looked for
     * each word in the bundles one after another, up to eleven look-ups for a word of the last module: a
     * twentieth of a case page's CPU time in a profile. Read in UTF-8, as Spring Boot's; the other
     * {@code spring.messages} settings of application.yml apply as they did to Spring Boot's.
     */
    @Bean
    MessageSource messageSource(
            @Value("${spring.messages.basename}") String[] basenames,
            @Value("${spring.messages.fallback-to-system-locale:true}") boolean fallbackToSystemLocale,
            @Value("${spring.messages.use-code-as-default-message:false}") boolean useCodeAsDefaultMessage) {
        // a word missing in a language falls back to English, marked for administrators (TranslatedMessages)
        var source = new TranslatedMessages(Arrays.stream(basenames)
                .map(basename -> "classpath:" + basename.strip())
                .toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(fallbackToSystemLocale);
        source.setUseCodeAsDefaultMessage(useCodeAsDefaultMessage);
        // read once and never again (the bundles are inside the application): the merged tables are used
        source.setCacheMillis(-1);
        return source;
    }
}
