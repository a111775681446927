package org.opennrm.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signed checkpoints of the audit chain, published outside the database: every {@code opennrm.audit.checkpoint-every}
 * entries (default 1,000) or {@code opennrm.audit.checkpoint-interval} (default 5 minutes) when the chain grew, the
 * platform appends one line to the checkpoint file ({@code audit-checkpoints.log} in the data folder, or {@code
 * OPENNRM_AUDIT_CHECKPOINT_FILE}), which the operator ships elsewhere (a log collector, another machine):
 *
 * <pre>
 * v1 &lt;sequence&gt; &lt;hash&gt; &lt;time&gt; &lt;key id&gt; &lt;Ed25519 signature, base64&gt;
 * </pre>
 *
 * The signature covers the text {@code opennrm-audit-checkpoint v1 <sequence> <hash> <time>}. The hash at a sequence
 * covers every entry up to it, so a checkpoint anchors the whole chain before it: a chain rewritten below a
 * checkpoint no longer has the signed hash there, and a chain cut below it no longer reaches it. Nobody without the
 * {@link AuditKey} can sign a checkpoint for a rewritten chain.
 *
 * <p>A new checkpoint is signed only when the chain since the last one verifies (links, keyed hashes) and still has
 * the last one's hash at its sequence: the platform never signs a chain that does not extend the one it signed
 * before. The first checkpoint of a file signs the chain as it is found.
 */
@Component
public class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    static final String VERSION = "v1";
    private static final String SIGNED_PREFIX = "opennrm-audit-checkpoint " + VERSION + " ";
    private static final int WALK_PAGE = 10_000;

    private final JdbcClient jdbc;
    private final AuditChain chain;
    private final AuditKey key;
    private final Clock clock;
    private final Path file;
    private final long every;
    private final Duration interval;

    /** The last checkpoint of the file, read once at start and kept as the file grows. */
    private Checkpoint last;

    private boolean lastRead;

    @Autowired
    AuditCheckpoints(
            JdbcClient jdbc,
            AuditChain chain,
            AuditKey key,
            Clock clock,
            @Value("${opennrm.audit.checkpoint-file:${opennrm.data-dir}/audit-checkpoints.log}") Path file,
            @Value("${opennrm.audit.checkpoint-every:1000}") long every,
            @Value("${opennrm.audit.checkpoint-interval:5m}") Duration interval) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.key = key;
        this.clock = clock;
        this.file = file;
        this.every = every;
        this.interval = interval;
    }

    /**
     * One checkpoint: the chain had this hash at this sequence at this time, signed with the audit key.
     *
     * @param keyId names the key that signed ({@link AuditKey#keyId()})
     */
    public record Checkpoint(long sequence, String hash, Instant at, String keyId, String signature) {

        /** The text the signature covers. */
        public String signed() {
            return SIGNED_PREFIX + sequence + " " + hash + " " + at;
        }

        /** The line of the checkpoint file. */
        @com.fasterxml.jackson.annotation.JsonProperty("line")
        public String line() {
            return VERSION + " " + sequence + " " + hash + " " + at + " " + keyId + " " + signature;
        }

        static Optional<Checkpoint> parse(String line) {
            String[] fields = line.strip().split(" ");
            if (fields.length != 6 || !VERSION.equals(fields[0])) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Checkpoint(
                        Long.parseLong(fields[1]), fields[2], Instant.parse(fields[3]), fields[4], fields[5]));
            } catch (NumberFormatException | DateTimeParseException malformed) {
                return Optional.empty();
            }
        }
    }

    /** What the API answers: the key that signs and the latest checkpoints, oldest first. */
    public record Published(String keyId, String publicKey, String file, List<Checkpoint> checkpoints) {}

    Path file() {
        return file;
    }

    /** Checks every {@code opennrm.audit.checkpoint-check} (default 10 s) whether a checkpoint is due. */
    @Scheduled(
            fixedDelayString = "${opennrm.audit.checkpoint-check:10s}",
            initialDelayString = "${opennrm.audit.checkpoint-check:10s}")
    void publishWhenDue() {
        try {
            var head = chain.head();
            Checkpoint previous = last();
            boolean due = previous == null
                    || head.sequence() - previous.sequence() >= every
                    || (head.sequence() > previous.sequence()
                            && !clock.instant().isBefore(previous.at().plus(interval)));
            if (due) {
                publish();
            }
        } catch (RuntimeException e) {
            // the next run tries again; the database may be away for a moment
            log.warn("Publishing an audit checkpoint failed ({})", e.getClass().getSimpleName());
        }
    }

    /**
     * Signs the chain's head now and appends it to the file, if the chain grew since the last checkpoint and
     * extends it. Answers the new checkpoint, or nothing when the head has not moved.
     *
     * @throws IllegalStateException when the chain no longer extends the last checkpoint: it was rewritten or cut
     */
    public synchronized Optional<Checkpoint> publish() {
        Checkpoint previous = last();
        var head = chain.head();
        if (previous != null) {
            if (head.sequence() <= previous.sequence()) {
                if (head.sequence() < previous.sequence()) {
                    throw refused("the chain ends at " + head.sequence() + ", before the last checkpoint at "
                            + previous.sequence());
                }
                return Optional.empty();
            }
            // the stretch since the last checkpoint, from its signed hash: a rewritten or re-keyed chain fails here
            var walk = new ChainWalk(
                            jdbc,
                            key,
                            WALK_PAGE,
                            previous.sequence(),
                            previous.hash(),
                            previous.sequence(),
                            List.of(previous).iterator())
                    .upTo(head.sequence());
            String stored = jdbc.sql("select hash from access.audit_seal where sequence = :s")
                    .param("s", previous.sequence())
                    .query(String.class)
                    .optional()
                    .orElse(previous.sequence() == 0 ? AuditTrail.GENESIS : null);
            if (!previous.hash().equals(stored) || !walk.intact()) {
                throw refused("the chain does not extend the last checkpoint at " + previous.sequence() + " ("
                        + (walk.problem == null ? "its hash changed" : walk.problem) + " at "
                        + (walk.firstBroken == null ? previous.sequence() : walk.firstBroken) + ")");
            }
        }
        // the time is taken after the head was read: a checkpoint never names a time before its entry was sealed
        Instant at = clock.instant();
        var unsigned = new Checkpoint(head.sequence(), head.hash(), at, key.keyId(), "");
        var checkpoint = new Checkpoint(head.sequence(), head.hash(), at, key.keyId(), key.sign(unsigned.signed()));
        append(checkpoint);
        last = checkpoint;
        return Optional.of(checkpoint);
    }

    private IllegalStateException refused(String why) {
        log.error("No audit checkpoint signed: {}. Run the audit verification.", why);
        return new IllegalStateException("No audit checkpoint signed: " + why);
    }

    /** The latest {@code limit} checkpoints of the file, oldest first, with the key that checks them. */
    public Published latest(int limit) {
        var latest = new ArrayDeque<Checkpoint>();
        forEach(checkpoint -> {
            latest.addLast(checkpoint);
            if (latest.size() > limit) {
                latest.removeFirst();
            }
        });
        return new Published(
                key.keyId(), key.publicKeyPem(), file.toAbsolutePath().toString(), new ArrayList<>(latest));
    }

    /** The well-formed lines of the file in order, whatever their signature; nothing when there is no file. */
    void forEach(Consumer<Checkpoint> each) {
        if (!Files.exists(file)) {
            return;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                Checkpoint.parse(line).ifPresent(each);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether this key signed this checkpoint. */
    boolean signedByKey(Checkpoint checkpoint) {
        return key.keyId().equals(checkpoint.keyId()) && key.verifies(checkpoint.signed(), checkpoint.signature());
    }

    /**
     * The file read line by line (so that memory stays constant), closed when read to the end: the caller reads it
     * to the end or closes it.
     */
    Lines lines() {
        return new Lines(file);
    }

    private synchronized Checkpoint last() {
        if (!lastRead) {
            Checkpoint[] found = {null};
            forEach(checkpoint -> {
                if (signedByKey(checkpoint)) {
                    found[0] = checkpoint;
                }
            });
            last = found[0];
            lastRead = true;
        }
        return last;
    }

    private void append(Checkpoint checkpoint) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // one line per write, appended and forced to disk before the checkpoint counts as published
            try (var channel = java.nio.channels.FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap((checkpoint.line() + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of the checkpoint file as checkpoints, read as they are asked for. */
    static final class Lines implements Iterator<Checkpoint>, AutoCloseable {

        private final BufferedReader reader;
        private Checkpoint next;

        Lines(Path file) {
            try {
                this.reader = Files.exists(file) ? Files.newBufferedReader(file, StandardCharsets.UTF_8) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            advance();
        }

        private void advance() {
            next = null;
            if (reader == null) {
                return;
            }
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    var parsed = Checkpoint.parse(line);
                    if (parsed.isPresent()) {
                        next = parsed.get();
                        return;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Checkpoint next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            var current = next;
            advance();
            return current;
        }

        @Override
        public void close() {
            if (reader != null) {
                try {
                    reader.close();
                } catch (IOException ignored) {
                    // read only: nothing was lost
                }
            }
        }
    }
}
