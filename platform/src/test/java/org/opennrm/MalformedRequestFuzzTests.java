package org.opennrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opennrm.access.AccessTokens;
import org.opennrm.access.AccountManagement;
import org.opennrm.access.Role;
import org.opennrm.access.TestTokens;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends thousands of generated bad requests to every operation of the OpenAPI description ({@code /v3/api-docs}) over
 * a real port: garbage and NUL characters in path and query parameters, malformed and schema-breaking JSON bodies
 * ({@code null} inside arrays, wrong types, huge numbers, deep nesting), methods, media types and answers the
 * operation does not take, missing and forged tokens. Fails on any server error (5xx) and on any error answer that is
 * not an RFC 9457 problem detail, or that shows internals (exception names, stack frames).
 *
 * <p>Seeded ({@code -Dopennrm.fuzz.seed}, default 18) and bounded ({@code -Dopennrm.fuzz.requests}, default 5,000):
 * the same seed sends the same requests, so a failure can be replayed. Runs in the application of the browser tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MalformedRequestFuzzTests {

    private static final long SEED = Long.getLong("opennrm.fuzz.seed", 18);
    private static final int REQUESTS = Integer.getInteger("opennrm.fuzz.requests", 5_000);
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Values no parameter should choke on; percent-encoded where a URI needs it. */
    private static final List<String> BAD_TEXT = List.of(
            "",
            " ",
            "%00",
            "a%00b",
            "%2F",
            "..%2F..%2F",
            "%25",
            "%ZZ",
            "-1",
            "0",
            "99999999999999999999999",
            "1e309",
            "NaN",
            "2026-13-45",
            "2026-02-30T25:61:00Z",
            "null",
            "true",
            "%27%20or%201%3D1%20--",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "%E2%80%AE",
            "%F0%9F%98%80",
            "%C3%28",
            "00000000-0000-0000-0000-000000000000",
            "not-a-uuid",
            "x".repeat(3_000));

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    AccessTokens tokens;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    record Operation(String method, String path, JsonNode operation) {}

    record Attack(String kind, String method, String path, Map<String, String> headers, String body) {
        String describe() {
            return kind + " " + method + " " + (path.length() > 160 ? path.substring(0, 160) + "..." : path)
                    + (headers.containsKey("Accept") ? " Accept: " + headers.get("Accept") : "")
                    + (headers.containsKey("Content-Type") ? " Content-Type: " + headers.get("Content-Type") : "")
                    + (body == null ? "" : " body " + (body.length() > 160 ? body.substring(0, 160) + "..." : body));
        }
    }

    @Test
    void noGeneratedBadRequestGetsAServerErrorOrAnAnswerThatIsNotAProblem() throws Exception {
        String token = TestTokens.tokenWithRoles(
                accounts,
                tokens,
                organisations.all().getFirst().id(),
                Set.of(Role.ADMINISTRATOR, Role.COORDINATOR, Role.CASE_MANAGER, Role.STATISTICIAN));
        JsonNode api = json.readTree(
                http.send(HttpRequest.newBuilder(uri("/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString())
                        .body());
        List<Operation> operations = operations(api);
        assertThat(operations).hasSizeGreaterThan(40);

        var random = new Random(SEED);
        List<Attack> attacks = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            attacks.add(attack(random, api, operations.get(random.nextInt(operations.size())), token));
        }

        var failures = new ConcurrentLinkedQueue<String>();
        var sent = new AtomicInteger();
        long started = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> running = new ArrayList<>();
            for (List<Attack> share : shares(attacks, 4)) {
                running.add(pool.submit(() -> {
                    for (Attack attack : share) {
                        String failure = send(attack);
                        sent.incrementAndGet();
                        if (failure != null) {
                            failures.add(failure);
                        }
                    }
                    return null;
                }));
            }
            for (var future : running) {
                future.get();
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                "Fuzzing: %d requests over %d operations (seed %d) in %d ms, %d failures%n",
                sent.get(), operations.size(), SEED, millis, failures.size());

        assertThat(sent.get()).isEqualTo(REQUESTS);
        // one failure of each kind of attack and answer, so that one frequent failure does not hide the others
        var kinds = new java.util.TreeMap<String, String>();
        for (String failure : failures) {
            kinds.putIfAbsent(failure.replaceAll(" .*-> (\\d+).*", " $1"), failure);
        }
        assertThat(kinds.values())
                .as("requests answered with a server error or without a problem detail (of " + failures.size() + ")")
                .isEmpty();
    }

    /** Answers what was wrong with the answer to the attack, or null when it was a fit answer. */
    private String send(Attack attack) {
        HttpResponse<String> answer;
        try {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + attack.path()))
                    .timeout(Duration.ofSeconds(30))
                    .method(
                            attack.method(),
                            attack.body() == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(attack.body()));
            attack.headers().forEach(request::header);
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IllegalArgumentException notSendable) {
            // a URI or header the client itself refuses to send never reaches the platform
            return null;
        } catch (Exception e) {
            return attack.describe() + " -> no answer: " + e;
        }
        int status = answer.statusCode();
        if (status >= 500) {
            return attack.describe() + " -> " + status + " " + excerpt(answer.body());
        }
        if (status < 400) {
            return null;
        }
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return attack.describe() + " -> " + status + " " + type + " " + excerpt(answer.body());
        }
        try {
            JsonNode problem = json.readTree(answer.body());
            if (problem.path("status").asInt() != status
                    || problem.path("title").asString("").isBlank()) {
                return attack.describe() + " -> " + status + " problem without its status or title "
                        + excerpt(answer.body());
            }
        } catch (RuntimeException notJson) {
            return attack.describe() + " -> " + status + " problem that is not JSON " + excerpt(answer.body());
        }
        String body = answer.body();
        if (body.contains("Exception") || body.contains("at org.") || body.contains("org.springframework")) {
            return attack.describe() + " -> " + status + " shows internals " + excerpt(body);
        }
        return null;
    }

    private Attack attack(Random random, JsonNode api, Operation operation, String token) {
        var headers = new java.util.LinkedHashMap<String, String>();
        int who = random.nextInt(20);
        if (who == 0) {
            // no token: 401
        } else if (who == 1) {
            headers.put("Authorization", "Bearer opennrm_" + "A".repeat(random.nextInt(80)));
        } else if (who == 2) {
            headers.put("Authorization", "Basic " + "YWRtaW46YWRtaW4=");
        } else {
            headers.put("Authorization", "Bearer " + token);
        }
        String method = operation.method();
        String path = path(random, operation);
        String body = null;
        String kind;
        switch (random.nextInt(8)) {
            case 0 -> {
                kind = "wrong-method";
                var others = new ArrayList<>(METHODS);
                others.remove(method);
                method = others.get(random.nextInt(others.size()));
                if (!method.equals("GET") && !method.equals("DELETE")) {
                    body = "{}";
                    headers.put("Content-Type", "application/json");
                }
            }
            case 1 -> {
                kind = "wrong-media-type";
                body = "name=x&sector=NGO";
                headers.put(
                        "Content-Type",
                        List.of(
                                        "text/plain",
                                        "application/xml",
                                        "multipart/form-data; boundary=x",
                                        "application/json; charset=EBCDIC-NOPE")
                                .get(random.nextInt(4)));
                if (method.equals("GET") || method.equals("DELETE")) {
                    method = "POST";
                }
            }
            case 2 -> {
                kind = "wrong-accept";
                headers.put(
                        "Accept",
                        List.of("application/xml", "image/png", "text/csv", "*/x")
                                .get(random.nextInt(4)));
            }
            case 3 -> {
                kind = "query";
                path = path + query(random, operation, true);
            }
            default -> {
                kind = "body";
                path = path + (random.nextInt(4) == 0 ? query(random, operation, false) : "");
                body = body(random, api, operation);
                headers.put("Content-Type", "application/json");
                if (method.equals("GET") || method.equals("DELETE")) {
                    kind = "query";
                    body = null;
                    headers.remove("Content-Type");
                    path = path + query(random, operation, true);
                }
            }
        }
        return new Attack(kind, method, path, headers, body);
    }

    /** The operation's path with each variable either a plausible id or bad text. */
    private static String path(Random random, Operation operation) {
        var path = new StringBuilder();
        var matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(operation.path());
        while (matcher.find()) {
            String value = random.nextBoolean()
                    ? java.util.UUID.randomUUID().toString()
                    : BAD_TEXT.get(random.nextInt(BAD_TEXT.size()));
            matcher.appendReplacement(path, java.util.regex.Matcher.quoteReplacement(value.isEmpty() ? "x" : value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    /** A query string: the operation's own parameters (and some it does not know) with bad values. */
    private static String query(Random random, Operation operation, boolean alwaysSome) {
        List<String> names = new ArrayList<>();
        for (JsonNode parameter : operation.operation().path("parameters")) {
            if ("query".equals(parameter.path("in").asString())) {
                names.add(parameter.path("name").asString());
            }
        }
        names.addAll(List.of("page", "size", "sort", "limit", "from", "to", "x%00"));
        var query = new StringBuilder("?");
        int count = (alwaysSome ? 1 : 0) + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                query.append('&');
            }
            query.append(names.get(random.nextInt(names.size())))
                    .append('=')
                    .append(BAD_TEXT.get(random.nextInt(BAD_TEXT.size())));
        }
        return query.toString();
    }

    /** A body: malformed JSON, or the operation's schema filled with values that break it. */
    private String body(Random random, JsonNode api, Operation operation) {
        switch (random.nextInt(10)) {
            case 0 -> {
                return List.of("{", "[", "{\"a\":", "nul", "\"text\"", "{}}", "[null]", "{\"\\u0000\":1}", "\u0000", "")
                        .get(random.nextInt(10));
            }
            case 1 -> {
                return "[".repeat(2_000) + "]".repeat(2_000);
            }
            default -> {
                JsonNode schema = operation
                        .operation()
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema");
                return json.writeValueAsString(value(random, api, schema, 0));
            }
        }
    }

    /** A value for a schema, mostly as the schema wants it and now and then broken on purpose. */
    private JsonNode value(Random random, JsonNode api, JsonNode schema, int depth) {
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asString().replace("#/components/schemas/", "");
            schema = api.path("components").path("schemas").path(name);
        }
        int breakIt = random.nextInt(6);
        if (depth > 4 || breakIt == 0) {
            return broken(random);
        }
        String type = schema.path("type").asString("object");
        switch (type) {
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    array.add(
                            random.nextInt(4) == 0
                                    ? NODES.nullNode()
                                    : value(random, api, schema.path("items"), depth + 1));
                }
                return array;
            }
            case "string" -> {
                if (schema.has("enum") && random.nextBoolean()) {
                    var values = schema.path("enum");
                    return NODES.textNode(
                            values.get(random.nextInt(values.size())).asString());
                }
                return NODES.textNode(text(random));
            }
            case "integer", "number" -> {
                return List.<JsonNode>of(
                                NODES.numberNode(random.nextInt()),
                                NODES.numberNode(-1),
                                NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890")),
                                NODES.numberNode(1e308),
                                NODES.textNode("12"))
                        .get(random.nextInt(5));
            }
            case "boolean" -> {
                return random.nextBoolean() ? NODES.booleanNode(true) : NODES.textNode("yes");
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                Iterator<Map.Entry<String, JsonNode>> properties =
                        schema.path("properties").properties().iterator();
                while (properties.hasNext()) {
                    var property = properties.next();
                    if (random.nextInt(5) > 0) {
                        object.set(property.getKey(), value(random, api, property.getValue(), depth + 1));
                    }
                }
                if (random.nextInt(5) == 0) {
                    object.put("unknown" + random.nextInt(10), text(random));
                }
                return object;
            }
        }
    }

    private static JsonNode broken(Random random) {
        return List.<JsonNode>of(
                        NODES.nullNode(),
                        NODES.textNode("with\u0000nul"),
                        NODES.arrayNode().add(NODES.nullNode()),
                        NODES.objectNode().putNull("x"),
                        NODES.numberNode(Long.MAX_VALUE),
                        NODES.textNode("x".repeat(20_000)),
                        NODES.booleanNode(false),
                        NODES.arrayNode().add("a").add(NODES.nullNode()))
                .get(random.nextInt(8));
    }

    private static String text(Random random) {
        return List.of(
                        "Synthetic text",
                        "with\u0000nul",
                        "",
                        "  ",
                        "x".repeat(1 + random.nextInt(600)),
                        "\u202e\u0007\u001b[31m",
                        "\ud83d\ude00",
                        "2026-01-31",
                        java.util.UUID.randomUUID().toString(),
                        "' or 1=1 --")
                .get(random.nextInt(10));
    }

    private static List<Operation> operations(JsonNode api) {
        List<Operation> operations = new ArrayList<>();
        for (var path : api.path("paths").properties()) {
            for (var method : path.getValue().properties()) {
                String verb = method.getKey().toUpperCase(java.util.Locale.ROOT);
                if (METHODS.contains(verb)) {
                    operations.add(new Operation(verb, path.getKey(), method.getValue()));
                }
            }
        }
        // a fixed order, whatever order the description lists them in: the same seed sends the same requests
        operations.sort(java.util.Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return operations;
    }

    private static <T> List<List<T>> shares(List<T> all, int parts) {
        List<List<T>> shares = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < all.size(); i++) {
            shares.get(i % parts).add(all.get(i));
        }
        return Collections.unmodifiableList(shares);
    }

    private static String excerpt(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
