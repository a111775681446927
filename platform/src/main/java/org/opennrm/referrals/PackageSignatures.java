package org.opennrm.referrals;

import java.io.IOException;
import org.erdtman.jcs.JsonCanonicalizer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signs and checks cross-border packages. What is signed is the package as JSON without its signature, in the
 * canonical form of RFC 8785 (keys sorted, one way to write every string and number, no white space), so that any
 * change to a field, a list element or its order, an added or removed field, or a separator written into a value
 * leaves the signature invalid. The receiver checks the signature over the JSON exactly as it arrived (a key given
 * twice is refused outright), and only then reads it as a package.
 */
final class PackageSignatures {

    /** A package holds codes and a purpose of at most 2,000 characters: anything far larger is not one. */
    static final int MOST_CHARACTERS = 64 * 1024;

    private final CrossBorderKeys keys;
    private final JsonMapper json;

    PackageSignatures(CrossBorderKeys keys) {
        this.keys = keys;
        // a key given twice would let two readers see two packages under one signature
        this.json = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** The package signed with this installation's key, as JSON. */
    String sign(CrossBorderPackage unsigned) {
        return sign((ObjectNode) json.valueToTree(unsigned));
    }

    /** Any message to another NRM (a package, a notice) signed the same way: its canonical form without the signature. */
    String sign(ObjectNode tree) {
        tree.remove("signature");
        tree.put("signature", keys.sign(canonical(tree)));
        return json.writeValueAsString(tree);
    }

    /**
     * The package, when it is one of this format, signed by the trusted key of its sending country and unchanged;
     * refused with the check that failed otherwise. The addressee and repeats are the receiver's checks.
     */
    CrossBorderPackage verify(String packageJson) {
        if (packageJson != null && packageJson.length() > MOST_CHARACTERS) {
            throw refused("crossBorder.unreadable", "This is not a cross-border package.");
        }
        JsonNode tree;
        try {
            tree = json.readTree(packageJson == null ? "" : packageJson);
        } catch (JacksonException unreadable) {
            throw refused("crossBorder.unreadable", "This is not a cross-border package.");
        }
        if (!(tree instanceof ObjectNode received) || !received.path("format").isString()) {
            throw refused("crossBorder.unreadable", "This is not a cross-border package.");
        }
        String format = received.path("format").asString();
        if (CrossBorderPackage.FIRST_FORMAT.equals(format)) {
            throw refused(
                    "crossBorder.oldFormat",
                    "The package is of an older format that could be altered under its signature: ask the sender"
                            + " to send it again.");
        }
        if (!CrossBorderPackage.FORMAT.equals(format)) {
            throw refused("crossBorder.unreadable", "This is not a cross-border package.");
        }
        checkSignature(received, "package");
        CrossBorderPackage contents;
        try {
            contents = json.treeToValue(received, CrossBorderPackage.class);
        } catch (JacksonException unreadable) {
            throw refused("crossBorder.unreadable", "This is not a cross-border package.");
        }
        if (contents.packageId() == null || contents.receiverCountry() == null || contents.senderReference() == null) {
            throw refused("crossBorder.unreadable", "This is not a cross-border package.");
        }
        return contents;
    }

    /**
     * A notice from the NRM that reviewed one of this installation's packages, when it is one of its format, signed by
     * the trusted key of its sending country and unchanged; refused with the check that failed otherwise. The
     * addressee, the package it answers and repeats are the sender's checks.
     */
    ObjectNode verifyNotice(String noticeJson, String format) {
        if (noticeJson != null && noticeJson.length() > MOST_CHARACTERS) {
            throw refused("crossBorder.notice.unreadable", "This is not a notice from another NRM.");
        }
        JsonNode tree;
        try {
            tree = json.readTree(noticeJson == null ? "" : noticeJson);
        } catch (JacksonException unreadable) {
            throw refused("crossBorder.notice.unreadable", "This is not a notice from another NRM.");
        }
        if (!(tree instanceof ObjectNode received)
                || !format.equals(received.path("format").asString(""))) {
            throw refused("crossBorder.notice.unreadable", "This is not a notice from another NRM.");
        }
        checkSignature(received, "notice");
        return received;
    }

    /**
     * The checks every message from another NRM passes, in this order so that the refusal names the first that
     * failed: signed at all, by a country whose key is trusted and not expired, over exactly this content.
     */
    private void checkSignature(ObjectNode received, String what) {
        JsonNode signature = received.path("signature");
        if (!signature.isString() || signature.asString().isBlank()) {
            throw refused("crossBorder.unsigned", "The " + what + " is not signed: it is refused.");
        }
        String sender = received.path("senderCountry").isString()
                ? received.path("senderCountry").asString()
                : null;
        if (!keys.trusts(sender)) {
            throw refused("crossBorder.unknownSender", "The sending country's key is not among the trusted keys.");
        }
        if (keys.expired(sender, java.time.LocalDate.now(java.time.ZoneOffset.UTC))) {
            throw refused(
                    "crossBorder.keyExpired",
                    "The sending country's trusted key has expired: exchange a new key with its NRM.");
        }
        ObjectNode signed = received.deepCopy();
        signed.remove("signature");
        if (!keys.verify(sender, canonical(signed), signature.asString())) {
            throw refused(
                    "crossBorder.tampered", "The signature does not match: the " + what + " was changed or forged.");
        }
    }

    private String canonical(ObjectNode unsigned) {
        try {
            return new JsonCanonicalizer(json.writeValueAsString(unsigned)).getEncodedString();
        } catch (IOException unexpected) {
            // the text was just written by Jackson: it is JSON
            throw new IllegalStateException("A package could not be canonicalised", unexpected);
        }
    }

    private static ServiceReferralRefused refused(String key, String message) {
        return new ServiceReferralRefused(key, message);
    }
}
