package org.opennrm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test installation whose data folder is the test profile's random one ({@code application-test.yml}) a
 * copy of one new database cluster, made with the platform's own {@code initdb} (password authentication, its
 * generated passwords) once per test run: a copy takes a tenth of the time {@code initdb} takes, and every application
 * context of the suite starts one. The folder is fixed once, so that the keys the platform creates in it lie beside the
 * cluster, as in an installation. A test that names its own data folder (first starts, restarts, backups) gets the
 * platform's own first start, untouched.
 */
public final class ClusterTemplate implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String DATA_DIR = "opennrm.data-dir";
    private static Path template;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        if (!randomDataFolder(environment)) {
            return;
        }
        Path dataDir =
                Path.of(environment.resolvePlaceholders("${" + DATA_DIR + "}")).toAbsolutePath();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("cluster-template", Map.of(DATA_DIR, dataDir.toString())));
        try {
            copy(cluster(), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the data folder is the test profile's random one, not one a test chose. */
    private static boolean randomDataFolder(ConfigurableEnvironment environment) {
        for (var source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable && enumerable.containsProperty(DATA_DIR)) {
                return String.valueOf(enumerable.getProperty(DATA_DIR)).contains("${random.uuid}");
            }
        }
        return false;
    }

    /** The run's cluster and its passwords file, made on first use by the platform's own first start. */
    private static synchronized Path cluster() throws IOException {
        if (template == null) {
            Path folder = Path.of(
                            "target",
                            "test-data",
                            "cluster-template-" + ProcessHandle.current().pid())
                    .toAbsolutePath();
            Path pgData = folder.resolve("postgres");
            Files.createDirectories(pgData);
            EmbeddedAccounts.initialiseIfNew(pgData, EmbeddedAccounts.passwords(folder));
            template = folder;
        }
        return template;
    }

    private static void copy(Path template, Path dataDir) throws IOException {
        if (Files.exists(dataDir.resolve("postgres").resolve("postgresql.conf"))) {
            return;
        }
        Files.createDirectories(dataDir);
        var copy = new ProcessBuilder(List.of(
                        "cp",
                        "-a",
                        template.resolve("postgres").toString(),
                        template.resolve(EmbeddedAccounts.PASSWORDS_FILE).toString(),
                        dataDir.toString()))
                .redirectErrorStream(true);
        try {
            var process = copy.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IOException("Could not copy the test cluster into " + dataDir + ": " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
