package org.opennrm.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code OPENNRM_BOOTSTRAP=true}: for automated deployments, the platform sets itself up at start as the
 * {@code bootstrap} command would, when the installation is empty, and leaves a set-up installation as it is (a
 * restart with the option still on changes nothing). Give the password as {@code OPENNRM_BOOTSTRAP_PASSWORD} from the
 * deployment's secret store; without it one is made and printed once to the console, never to the log.
 */
@Component
@ConditionalOnProperty(name = "opennrm.bootstrap.enabled", havingValue = "true")
@Order(0)
class BootstrapOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapOnStart.class);

    private final Bootstrap bootstrap;

    BootstrapOnStart(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            Commands.print(bootstrap.run(), System.out);
        } catch (Bootstrap.InstallationNotEmpty alreadySetUp) {
            log.info("OPENNRM_BOOTSTRAP is on but the installation is set up already: nothing was created");
        }
    }
}
