package org.opennrm.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A signed cross-border package cannot be altered: every change a forger could make to the JSON (a field, a list
 * element, an order, a duplicate, a field added or taken away, a separator written into a value, a key given twice)
 * is refused with the check that failed, and the untouched package passes. Synthetic data only.
 */
class PackageSignaturesTests {

    @TempDir
    Path dataDir;

    PackageSignatures sender;
    PackageSignatures receiver;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void keys() {
        var senderKeys = new CrossBorderKeys("AAA", "", dataDir.resolve("a"), new MockEnvironment());
        sender = new PackageSignatures(senderKeys);
        receiver = new PackageSignatures(new CrossBorderKeys(
                "BBB",
                "",
                dataDir.resolve("b"),
                new MockEnvironment().withProperty("opennrm.cross-border.trusted-keys.AAA", senderKeys.publicKey())));
    }

    String signed() {
        return sender.sign(new CrossBorderPackage(
                CrossBorderPackage.FORMAT,
                UUID.randomUUID().toString(),
                "AAA",
                "BBB",
                "NRM-2026-000042",
                Instant.parse("2026-11-30T10:15:00Z"),
                "Safe return and reintegration",
                "Feminine",
                "ADULT",
                List.of("MDA", "UKR"),
                List.of("ron", "ukr"),
                List.of("ForcedLabour", "SexualExploitation"),
                34,
                List.of("ASSISTANCE"),
                null));
    }

    String changed(String signedJson, UnaryOperator<ObjectNode> change) {
        return json.writeValueAsString(change.apply((ObjectNode) json.readTree(signedJson)));
    }

    void refused(String packageJson, String check) {
        assertThatThrownBy(() -> receiver.verify(packageJson))
                .isInstanceOfSatisfying(ServiceReferralRefused.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo(check));
    }

    @Test
    void anUntouchedPackagePassesAsItWasSigned() {
        var verified = receiver.verify(signed());
        assertThat(verified.prs_Citizenship()).containsExactly("MDA", "UKR");
        assertThat(verified.prs_Gender()).isEqualTo("Feminine");
        assertThat(verified.receiverCountry()).isEqualTo("BBB");
    }

    @Test
    void everyFieldChangedBreaksTheSignature() {
        String original = signed();
        var fields = new ArrayList<String>();
        ((ObjectNode) json.readTree(original)).propertyNames().forEach(fields::add);
        fields.remove("signature");
        fields.remove("format");
        assertThat(fields).hasSize(13);
        for (String field : fields) {
            var altered = changed(original, tree -> {
                if (tree.get(field).isArray()) {
                    ((ArrayNode) tree.get(field)).set(0, "ZZZ");
                } else {
                    tree.put(field, tree.get(field).asString() + "x");
                }
                return tree;
            });
            refused(altered, field.equals("senderCountry") ? "crossBorder.unknownSender" : "crossBorder.tampered");
        }
    }

    @Test
    void listElementsTheirOrderAndTheirNumberAreSigned() {
        String original = signed();
        refused(
                changed(original, tree -> {
                    var forms = (ArrayNode) tree.get("vic_TypeOfExploitation");
                    forms.add("ForcedLabour");
                    return tree;
                }),
                "crossBorder.tampered");
        refused(
                changed(original, tree -> {
                    tree.putArray("prs_Citizenship").add("UKR").add("MDA");
                    return tree;
                }),
                "crossBorder.tampered");
        refused(
                changed(original, tree -> {
                    tree.putArray("prs_Citizenship").add("MDA,UKR");
                    return tree;
                }),
                "crossBorder.tampered");
        refused(
                changed(original, tree -> {
                    ((ArrayNode) tree.get("prs_Languages")).remove(1);
                    return tree;
                }),
                "crossBorder.tampered");
    }

    @Test
    void aFieldAddedOrTakenAwayOrASeparatorWrittenIntoAValueBreaksTheSignature() {
        String original = signed();
        refused(changed(original, tree -> tree.put("prs_Name", "Testa Example")), "crossBorder.tampered");
        refused(
                changed(original, tree -> {
                    tree.remove("prs_Gender");
                    return tree;
                }),
                "crossBorder.tampered");
        // the first format signed lines of text: a purpose ending in a line break shifted the next values
        refused(changed(original, tree -> tree.put("purpose", "Safe return\nFeminine")), "crossBorder.tampered");
        refused(changed(original, tree -> tree.put("prs_Gender", (String) null)), "crossBorder.tampered");
    }

    @Test
    void aKeyGivenTwiceAnOldFormatAMissingSignatureAndAnUntrustedSenderAreRefusedByName() {
        String original = signed();
        String twice = original.replaceFirst("\\{", "{\"prs_Gender\":\"Masculine\",");
        refused(twice, "crossBorder.unreadable");
        refused(
                changed(original, tree -> tree.put("format", CrossBorderPackage.FIRST_FORMAT)),
                "crossBorder.oldFormat");
        refused(
                changed(original, tree -> {
                    tree.remove("signature");
                    return tree;
                }),
                "crossBorder.unsigned");
        refused(changed(original, tree -> tree.put("senderCountry", "CCC")), "crossBorder.unknownSender");
        refused("[1, 2]", "crossBorder.unreadable");
        refused(null, "crossBorder.unreadable");
        refused("{\"format\":\"" + "x".repeat(PackageSignatures.MOST_CHARACTERS) + "\"}", "crossBorder.unreadable");
    }
}
