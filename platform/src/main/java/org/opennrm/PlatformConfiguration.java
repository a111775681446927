package org.opennrm;

import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** Infrastructure every module shares; scheduling is on for background work such as sealing the audit chain. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

    /** One clock for deadlines, audit entries and lock-outs, so that tests can fix the time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
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
}
