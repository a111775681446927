package org.opennrm.ui;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The languages of the pages: English, French and Russian to start (OSCE working languages). The
 * browser's language is used until the person picks one with {@code ?lang=}, which is remembered.
 */
@Configuration(proxyBeanMethods = false)
class Languages implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("ru"));

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("OPENNRM_LANG");
        // until a language is chosen: the first of the browser's languages that we have, else English
        resolver.setDefaultLocaleFunction(request -> java.util.Collections.list(request.getLocales()).stream()
                .map(locale -> Locale.forLanguageTag(locale.getLanguage()))
                .filter(SUPPORTED::contains)
                .findFirst()
                .orElse(Locale.ENGLISH));
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Strict");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
