package org.opennrm.ui;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The languages of the pages: the six working languages of the OSCE (English, French, German, Italian, Russian and
 * Spanish). The browser's language ({@code Accept-Language}) is used until the person picks one with {@code ?lang=},
 * which is remembered; a language we do not offer is ignored (English stays).
 */
@Configuration(proxyBeanMethods = false)
class Languages implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = Stream.of("en", "fr", "de", "it", "ru", "es")
            .map(Locale::forLanguageTag)
            .toList();

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
        // only a language we offer is remembered: ?lang=zz leaves the page in the language it was in
        var change = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(
                    jakarta.servlet.http.HttpServletRequest request,
                    jakarta.servlet.http.HttpServletResponse response,
                    Object handler)
                    throws jakarta.servlet.ServletException {
                String asked = request.getParameter(getParamName());
                if (asked != null && !SUPPORTED.contains(Locale.forLanguageTag(asked))) {
                    return true;
                }
                return super.preHandle(request, response, handler);
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
