package org.opennrm;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Infrastructure every module shares; scheduling is on for background work such as sealing the audit chain. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

    /** One clock for deadlines, audit entries and lock-outs, so that tests can fix the time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
