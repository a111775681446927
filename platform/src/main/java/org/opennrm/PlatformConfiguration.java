package org.opennrm;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Infrastructure every module shares. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** One clock for deadlines, audit entries and lock-outs, so that tests can fix the time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
