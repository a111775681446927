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
 * java -jar opennrm-platform.jar --opennrm.command=audit-checkpoint
 * java -jar opennrm-platform.jar --opennrm.command=audit-public-key
 * java -jar opennrm-platform.jar --opennrm.command=rotate-identity-key
 * java -jar opennrm-platform.jar --opennrm.command=bootstrap --opennrm.bootstrap.username=... (see {@link Bootstrap})
 * </pre>
 *
 * Each prints what it found or did and exits: 0 when all is well, 1 when the audit chain is broken,
 * the rotation failed or the installation to bootstrap is not empty, 2 for a command it does not know.
 */
@Component
@ConditionalOnProperty(name = Commands.PROPERTY)
class Commands implements ApplicationRunner {

    static final String PROPERTY = "opennrm.command";

    private final ConfigurableApplicationContext context;
    private final AuditVerification verification;
    private final AuditCheckpoints checkpoints;
    private final AuditKey auditKey;
    private final KeyRotation rotation;
    private final Bootstrap bootstrap;
    private final String command;

    Commands(
            ConfigurableApplicationContext context,
            AuditVerification verification,
            AuditCheckpoints checkpoints,
            AuditKey auditKey,
            KeyRotation rotation,
            Bootstrap bootstrap,
            org.springframework.core.env.Environment environment) {
        this.context = context;
        this.verification = verification;
        this.checkpoints = checkpoints;
        this.auditKey = auditKey;
        this.rotation = rotation;
        this.bootstrap = bootstrap;
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
            case "audit-checkpoint" -> auditCheckpoint(out, err);
            case "audit-public-key" -> {
                out.print(auditKey.publicKeyPem());
                yield 0;
            }
            case "rotate-identity-key" -> rotateIdentityKey(out, err);
            case "bootstrap" -> bootstrap(out, err);
            default -> {
                err.println("Unknown command: " + name + ". Known commands: verify-audit, audit-checkpoint,"
                        + " audit-public-key, rotate-identity-key, bootstrap.");
                yield 2;
            }
        };
    }

    /** Signs a checkpoint now (before a backup, at the end of a shift): 0 when signed or already current. */
    private int auditCheckpoint(PrintStream out, PrintStream err) {
        try {
            var published = checkpoints.publish();
            if (published.isPresent()) {
                out.println("Checkpoint appended to " + checkpoints.file().toAbsolutePath() + ":");
                out.println(published.get().line());
            } else {
                out.println("The latest checkpoint already covers the whole chain.");
            }
            return 0;
        } catch (IllegalStateException refused) {
            err.println(refused.getMessage());
            return 1;
        }
    }

    private int verifyAudit(PrintStream out) {
        AuditVerificationReport report = verification.verify();
        out.println("Audit trail " + report.summary());
        out.println("Last entry: " + report.lastSequence() + " " + report.lastHash());
        out.println(
                report.latestCheckpoint() == null
                        ? "No signed checkpoint found in " + checkpoints.file().toAbsolutePath()
                                + ": entries cut off at the end cannot be noticed."
                        : "Latest signed checkpoint: " + report.latestCheckpoint() + " (" + report.checkpointsChecked()
                                + " checked, from " + checkpoints.file().toAbsolutePath() + ")");
        return report.intact() ? 0 : 1;
    }

    private int bootstrap(PrintStream out, PrintStream err) {
        try {
            print(bootstrap.run(), out);
            return 0;
        } catch (Bootstrap.InstallationNotEmpty | IllegalArgumentException refused) {
            err.println("Bootstrap refused: " + refused.getMessage());
            return 1;
        } catch (RuntimeException refused) {
            // a password too short, a user name taken: said as it is, nothing was created
            err.println("Bootstrap refused, nothing was created: " + refused.getMessage());
            return 1;
        }
    }

    static void print(Bootstrap.Created created, PrintStream out) {
        out.println("Created the organisation \"" + created.organisation() + "\" and its administrator \""
                + created.username() + "\".");
        if (created.passwordGenerated()) {
            out.println("Initial password (shown only now): " + created.password());
        }
        out.println("At the first sign-in the administrator chooses a new password and enrols an authenticator app.");
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
