package org.opennrm.access;

import java.io.PrintStream;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * One-shot operator commands in the packaged platform, run against the configured database instead of
 * starting the web server:
 *
 * <pre>
 * java -jar opennrm-platform.jar --opennrm.command=verify-audit
 * java -jar opennrm-platform.jar --opennrm.command=rotate-identity-key
 * </pre>
 *
 * Each prints what it found or did and exits: 0 when all is well, 1 when the audit chain is broken or
 * the rotation failed, 2 for a command it does not know.
 */
@Component
@ConditionalOnProperty(name = Commands.PROPERTY)
class Commands implements ApplicationRunner {

    static final String PROPERTY = "opennrm.command";

    private final ConfigurableApplicationContext context;
    private final AuditVerification verification;
    private final KeyRotation rotation;
    private final String command;

    Commands(
            ConfigurableApplicationContext context,
            AuditVerification verification,
            KeyRotation rotation,
            org.springframework.core.env.Environment environment) {
        this.context = context;
        this.verification = verification;
        this.rotation = rotation;
        this.command = environment.getRequiredProperty(PROPERTY);
    }

    @Override
    public void run(ApplicationArguments args) {
        int code = run(command, System.out, System.err);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    int run(String name, PrintStream out, PrintStream err) {
        return switch (name) {
            case "verify-audit" -> verifyAudit(out);
            case "rotate-identity-key" -> rotateIdentityKey(out, err);
            default -> {
                err.println("Unknown command: " + name + ". Known commands: verify-audit, rotate-identity-key.");
                yield 2;
            }
        };
    }

    private int verifyAudit(PrintStream out) {
        AuditVerificationReport report = verification.verify();
        out.println("Audit trail " + report.summary());
        out.println("Last entry: " + report.lastSequence() + " " + report.lastHash());
        return report.intact() ? 0 : 1;
    }

    private int rotateIdentityKey(PrintStream out, PrintStream err) {
        try {
            KeyRotationResult result = rotation.rotate(out::println);
            out.println("Identity key rotated: " + result.summary());
            return 0;
        } catch (KeyRotationFailed e) {
            err.println("Identity key rotation failed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Turns a command run into a plain process: no web server, no demo data, only warnings in the log,
     * so that what the command prints is what the operator reads.
     */
    static final class Mode implements EnvironmentPostProcessor {

        @Override
        public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
            if (!environment.containsProperty(PROPERTY)) {
                return;
            }
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "opennrm-command",
                            Map.of(
                                    "spring.main.web-application-type", "none",
                                    "spring.main.banner-mode", "off",
                                    "spring.main.log-startup-info", "false",
                                    "opennrm.demo.enabled", "false",
                                    "logging.level.root", "WARN")));
        }
    }
}
