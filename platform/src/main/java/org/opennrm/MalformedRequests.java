package org.opennrm;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Malformed requests are refused with 400 and a problem detail, wherever they are caught: text with NUL characters
 * before anything reads it ({@link InputWithoutNul}), and what Tomcat refuses before the platform sees it ({@link
 * ProblemReportValve}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class MalformedRequests {

    /** After the character encoding is set (parameters read before it would be decoded wrongly), before security. */
    @Bean
    FilterRegistrationBean<InputWithoutNul> inputWithoutNul() {
        var registration = new FilterRegistrationBean<>(new InputWithoutNul());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    /**
     * Tomcat's error report replaced by problem details. Spring Boot puts its own error report valve on the host
     * (without stack traces); this runs after it and takes its place.
     */
    @Bean
    ProblemReports problemReports() {
        return new ProblemReports();
    }

    static final class ProblemReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                var host = (StandardHost) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemReportValve());
                // the host adds a report valve of this class when it starts, unless one is there already
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            });
        }

        @Override
        public int getOrder() {
            // after Spring Boot's customizer, which adds its error report valve in a context customizer of its own
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
