import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * The client of bench/durability/crash.sh: sends referrals and case reads through the platform's REST API, keeps a
 * ledger of what the platform acknowledged and showed, and checks that ledger against the database after a crash.
 * Synthetic data only; talks to 127.0.0.1 only; every loop is bounded.
 *
 * <pre>
 * java CrashLoad.java load BASE REFERRER_TOKEN READER_TOKEN CLIENTS LEDGER KILL_AFTER_ACKS KILL_COMMAND SECONDS_AFTER_KILL MAX_SECONDS
 * java CrashLoad.java rate BASE REFERRER_TOKEN CLIENTS SECONDS
 * java CrashLoad.java check LEDGER CASES_TSV READS_TSV
 * </pre>
 *
 * KILL_AFTER_ACKS 0 sends without killing. The ledger holds one line per acknowledged referral ({@code ack caseId
 * reference}) and per case file shown ({@code read caseId}).
 */
public class CrashLoad {

    private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CASE_ID = Pattern.compile("\"caseId\"\\s*:\\s*\"([^\"]+)\"");

    private static final String REFERRAL = """
            {"person": {"givenName": "Crash", "familyName": "Synthetic%s", "ageEstimate": 30, "gender": "Feminine",
                        "citizenships": ["UKR"], "languages": ["ukr"]},
             "circumstances": "Synthetic referral of the crash benchmark",
             "profile": {"exploitationForms": ["ForcedLabour"], "exploitationCountries": ["POL"]},
             "consents": [{"purpose": "ASSISTANCE", "given": true}],
             "events": [{"type": "Recruitment", "occurredOn": "2025-11-02", "country": "UKR"}]}
            """;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> load(args);
            case "rate" -> rate(args);
            case "check" -> check(args);
            default -> throw new IllegalArgumentException("load, rate or check");
        }
    }

    /** What the platform answered, by kind; a 500 or an error that is no problem detail is a failure. */
    static final class Answers {
        final LongAdder acknowledged = new LongAdder();
        final LongAdder shown = new LongAdder();
        final LongAdder unavailable = new LongAdder();
        final LongAdder serverErrors = new LongAdder();
        final LongAdder notProblems = new LongAdder();
        final LongAdder otherStatus = new LongAdder();
        final LongAdder connectionFailed = new LongAdder();
        final AtomicInteger shownErrors = new AtomicInteger();

        void error(HttpResponse<String> response) {
            int status = response.statusCode();
            if (status != 503 && shownErrors.incrementAndGet() <= 5) {
                // the first few unexpected answers, so that a failing run says why
                String body = response.body();
                System.out.println("answer " + status + " to " + response.request().method() + " "
                        + response.request().uri().getPath() + ": " + body.substring(0, Math.min(300, body.length())));
            }
            if (status == 503) {
                unavailable.increment();
            } else if (status >= 500) {
                serverErrors.increment();
            } else {
                otherStatus.increment();
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                notProblems.increment();
            }
        }

        String summary() {
            return "acknowledged " + acknowledged + ", case files shown " + shown + ", 503 problems " + unavailable
                    + ", 5xx other than 503 " + serverErrors + ", errors without a problem body " + notProblems
                    + ", other statuses " + otherStatus + ", connection failures " + connectionFailed;
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    static void requireLocal(String base) {
        if (!URI.create(base).getHost().equals("127.0.0.1")) {
            throw new IllegalArgumentException("The benchmark talks to 127.0.0.1 only, not " + base);
        }
    }

    static HttpResponse<String> refer(HttpClient http, String base, String token, String name)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/referrals"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(REFERRAL.formatted(name)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void load(String[] args) throws Exception {
        String base = args[1];
        requireLocal(base);
        String referrerToken = args[2];
        String readerToken = args[3];
        int clients = Integer.parseInt(args[4]);
        Path ledger = Path.of(args[5]);
        int killAfter = Integer.parseInt(args[6]);
        String killCommand = args[7];
        int secondsAfterKill = Integer.parseInt(args[8]);
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[9])).toNanos();

        // earlier rounds' cases are read too: the platform must show them after the crash as before
        List<String> known = new CopyOnWriteArrayList<>();
        if (Files.exists(ledger)) {
            for (String line : Files.readAllLines(ledger)) {
                if (line.startsWith("ack\t")) {
                    known.add(line.split("\t")[1]);
                }
            }
        }
        var lines = new ConcurrentLinkedQueue<String>();
        var answers = new Answers();
        var killed = new AtomicBoolean(killAfter <= 0);
        var stopAt = new java.util.concurrent.atomic.AtomicLong(killAfter <= 0 ? deadline : Long.MAX_VALUE);
        var names = new AtomicInteger();
        String run = Long.toString(System.currentTimeMillis(), 36);
        HttpClient http = client();
        long started = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                boolean writer = c % 2 == 0;
                pool.submit(() -> {
                    while (System.nanoTime() < Math.min(deadline, stopAt.get())) {
                        try {
                            if (writer || known.isEmpty()) {
                                var response = refer(http, base, referrerToken, run + names.incrementAndGet());
                                if (response.statusCode() == 201) {
                                    var reference = REFERENCE.matcher(response.body());
                                    var caseId = CASE_ID.matcher(response.body());
                                    if (!reference.find() || !caseId.find()) {
                                        throw new IllegalStateException("201 without a reference: " + response.body());
                                    }
                                    lines.add("ack\t" + caseId.group(1) + "\t" + reference.group(1));
                                    known.add(caseId.group(1));
                                    answers.acknowledged.increment();
                                    if (!killed.get() && answers.acknowledged.sum() >= killAfter) {
                                        kill(killed, killCommand, stopAt, secondsAfterKill);
                                    }
                                } else {
                                    answers.error(response);
                                }
                            } else {
                                String caseId = known.get(ThreadLocalRandom.current().nextInt(known.size()));
                                var response = http.send(
                                        HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/" + caseId))
                                                .timeout(Duration.ofSeconds(60))
                                                .header("Authorization", "Bearer " + readerToken)
                                                .header("Accept", "application/json")
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString());
                                if (response.statusCode() == 200) {
                                    lines.add("read\t" + caseId);
                                    answers.shown.increment();
                                } else {
                                    answers.error(response);
                                }
                            }
                        } catch (IOException e) {
                            answers.connectionFailed.increment();
                            // the platform is down (killed, restarting): wait a little instead of spinning
                            sleep(200);
                        } catch (InterruptedException e) {
                            return null;
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        var text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        Files.writeString(ledger, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.printf("round: %s in %.1f s%n", answers.summary(), seconds);
    }

    static synchronized void kill(
            AtomicBoolean killed, String command, java.util.concurrent.atomic.AtomicLong stopAt, int secondsAfter) {
        if (killed.getAndSet(true)) {
            return;
        }
        try {
            var process = new ProcessBuilder("bash", "-c", command).inheritIO().start();
            process.waitFor();
            System.out.println("killed: " + command.replaceAll("\\s+", " "));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("The kill command failed: " + command, e);
        }
        stopAt.set(System.nanoTime() + Duration.ofSeconds(secondsAfter).toNanos());
    }

    /** Referrals per second over a fixed time, acknowledged ones only. */
    static void rate(String[] args) throws Exception {
        String base = args[1];
        requireLocal(base);
        String token = args[2];
        int clients = Integer.parseInt(args[3]);
        long end = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[4])).toNanos();
        var answers = new Answers();
        var names = new AtomicInteger();
        String run = "r" + Long.toString(System.currentTimeMillis(), 36);
        HttpClient http = client();
        long started = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        var response = refer(http, base, token, run + names.incrementAndGet());
                        if (response.statusCode() == 201) {
                            answers.acknowledged.increment();
                        } else {
                            answers.error(response);
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%.1f referrals/s (%s in %.1f s)%n", answers.acknowledged.sum() / seconds, answers.summary(), seconds);
    }

    /**
     * Compares the ledger with the database: every acknowledged referral must be there under the reference it was
     * given, no reference may belong to two acknowledged referrals, and every case file shown must have its READ
     * entry in the audit trail.
     */
    static void check(String[] args) throws IOException {
        var acknowledged = new HashMap<String, String>();
        var referencesGiven = new HashMap<String, Set<String>>();
        var shown = new HashMap<String, Integer>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String[] fields = line.split("\t");
            if (fields[0].equals("ack")) {
                acknowledged.put(fields[1], fields[2]);
                referencesGiven.computeIfAbsent(fields[2], r -> new HashSet<>()).add(fields[1]);
            } else if (fields[0].equals("read")) {
                shown.merge(fields[1], 1, Integer::sum);
            }
        }
        var stored = new HashMap<String, String>();
        var storedReferences = new HashMap<String, Integer>();
        for (String line : Files.readAllLines(Path.of(args[2]))) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t");
            stored.put(fields[0], fields[1]);
            storedReferences.merge(fields[1], 1, Integer::sum);
        }
        var entries = new HashMap<String, Integer>();
        for (String line : Files.readAllLines(Path.of(args[3]))) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t");
            entries.put(fields[0], Integer.parseInt(fields[1].strip()));
        }
        int missing = 0;
        int reused = 0;
        for (var ack : acknowledged.entrySet()) {
            String reference = stored.get(ack.getKey());
            if (reference == null) {
                missing++;
            } else if (!reference.equals(ack.getValue())) {
                reused++;
            }
        }
        for (var given : referencesGiven.values()) {
            if (given.size() > 1) {
                reused += given.size() - 1;
            }
        }
        for (int count : storedReferences.values()) {
            if (count > 1) {
                reused += count - 1;
            }
        }
        long reads = 0;
        long readsWithoutEntry = 0;
        for (var read : shown.entrySet()) {
            reads += read.getValue();
            readsWithoutEntry += Math.max(0, read.getValue() - entries.getOrDefault(read.getKey(), 0));
        }
        System.out.printf(
                "check: acknowledged writes %d, missing %d, reused references %d, case files shown %d, shown without an"
                        + " audit entry %d%n",
                acknowledged.size(), missing, reused, reads, readsWithoutEntry);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
