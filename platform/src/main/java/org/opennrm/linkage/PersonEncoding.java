package org.opennrm.linkage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.util.List;
import org.opennrm.linkage.encoding.Encoder;
import org.opennrm.linkage.encoding.Encodings;
import org.opennrm.linkage.encoding.FieldEncodings;
import org.opennrm.linkage.encoding.InputRejected;
import org.opennrm.linkage.encoding.Schema;
import org.springframework.stereotype.Component;

/**
 * Turns a person's identifiers into the 1024-bit encoding the {@link DuplicateCheck} compares, with the library's
 * default schema and the platform's secret. For the {@code cases} module, which holds the names: this class keeps,
 * stores and logs nothing of its input, and its errors name fields, never values.
 */
@Component
public class PersonEncoding {

    /** One line of the default schema's CSV; the id is a placeholder, as the caller knows whose encoding it is. */
    private static final String PLACEHOLDER_ID = "person";

    private final Encoder encoder;
    private final List<String> header;
    /** The layout of every person's field encodings (parts, noise, check), the same for all under one secret. */
    private final FieldEncodings layout;

    PersonEncoding(LinkageSecret secret) {
        var schema = Schema.defaultSchema();
        this.encoder = new Encoder(schema, secret.secret());
        this.header = schema.header();
        this.layout = encoded(PLACEHOLDER_ID + ",,,,,").fields();
    }

    /** A person's encoding (1024 bits, anonlink layout) and field encodings (big-endian words of one record). */
    public record Encoded(byte[] encoding, byte[] fields) {}

    /**
     * The encoding of one person, as {@value Encodings#BYTES} bytes in the anonlink layout.
     *
     * @param sex a code, as the case records it
     * @param citizenship an ISO 3166 alpha-3 code
     * @throws IllegalArgumentException when a value cannot be encoded (the message names the field only)
     */
    public byte[] encode(String givenName, String familyName, LocalDate dateOfBirth, String sex, String citizenship) {
        return encodeWithFields(givenName, familyName, dateOfBirth, sex, citizenship)
                .encoding();
    }

    /**
     * The encoding and the field encodings of one person, which the duplicate check's field-aware model compares
     * field by field.
     *
     * @throws IllegalArgumentException when a value cannot be encoded (the message names the field only)
     */
    public Encoded encodeWithFields(
            String givenName, String familyName, LocalDate dateOfBirth, String sex, String citizenship) {
        String line = String.join(
                ",",
                PLACEHOLDER_ID,
                cell(givenName),
                cell(familyName),
                cell(dateOfBirth == null ? null : dateOfBirth.toString()),
                cell(sex),
                cell(citizenship));
        var encoded = encoded(line);
        ByteBuffer bytes = ByteBuffer.allocate(Encodings.BYTES).order(ByteOrder.BIG_ENDIAN);
        bytes.asLongBuffer().put(encoded.encodings().words());
        long[] fieldWords = encoded.fields().words();
        ByteBuffer fields = ByteBuffer.allocate(fieldWords.length * 8).order(ByteOrder.BIG_ENDIAN);
        fields.asLongBuffer().put(fieldWords);
        return new Encoded(bytes.array(), fields.array());
    }

    private Encoder.Encoded encoded(String line) {
        try {
            return encoder.encodeWithFields(
                    new BufferedReader(new StringReader(String.join(",", header) + "\n" + line)));
        } catch (InputRejected e) {
            throw new IllegalArgumentException("The person's identifiers cannot be encoded: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The field encodings of several persons, from what {@link #encodeWithFields} gave for each (all made under this
     * platform's secret and schema), for the field-aware model.
     *
     * @throws IllegalArgumentException when a person's field encodings have another size (made under another
     *     schema)
     */
    FieldEncodings fields(List<byte[]> persons) {
        int perRecord = layout.wordsPerRecord();
        long[] words = new long[persons.size() * perRecord];
        for (int p = 0; p < persons.size(); p++) {
            byte[] person = persons.get(p);
            if (person.length != perRecord * 8) {
                throw new IllegalArgumentException(
                        "A stored person's field encodings have " + person.length + " bytes, not " + perRecord * 8);
            }
            ByteBuffer.wrap(person).order(ByteOrder.BIG_ENDIAN).asLongBuffer().get(words, p * perRecord, perRecord);
        }
        return new FieldEncodings(layout.parts(), persons.size(), words, layout.noise(), layout.check());
    }

    /** A quoted CSV cell; line breaks become spaces, since one record is one line. */
    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String flat = value.replace('\r', ' ').replace('\n', ' ');
        return '"' + flat.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return "PersonEncoding[default schema]";
    }
}
