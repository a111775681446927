package org.opennrm.access;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Time-based one-time passwords (RFC 6238: 30-second steps, 6 digits, HMAC-SHA1, as every authenticator
 * app expects) and one-time recovery codes for when the phone is lost.
 */
@Component
class TotpCodes {

    static final int RECOVERY_CODES = 10;

    private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator();
    private final SecureRandom random = new SecureRandom();
    private final Base32 base32 = new Base32();
    private final Clock clock;
    private final int stepsAhead;

    /**
     * @param stepsAhead how many steps ahead of the server's clock a code may be (clock drift of the phone): one, as
     *     RFC 6238 recommends; only the test profile widens it, so that browser tests that sign the same account in
     *     several times within 30 seconds need not wait for the next code
     */
    TotpCodes(Clock clock, @Value("${opennrm.security.totp-steps-ahead:1}") int stepsAhead) {
        if (stepsAhead < 1 || stepsAhead > 40) {
            throw new IllegalArgumentException("opennrm.security.totp-steps-ahead is between 1 and 40");
        }
        this.clock = clock;
        this.stepsAhead = stepsAhead;
    }

    /** A new 160-bit secret in Base32, the form authenticator apps take. */
    String newSecret() {
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        return base32.encodeToString(secret).replace("=", "");
    }

    /**
     * The time step (Unix time / 30 s) whose code this is, among the current step, the one before and those ahead
     * (clock drift); empty when the code matches none. The caller accepts a step once only ({@link Accounts#useTotpStep}).
     */
    OptionalLong matchingStep(String secret, String code) {
        if (code == null) {
            return OptionalLong.empty();
        }
        String digits = code.replaceAll("\\s", "");
        if (!digits.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        Instant now = clock.instant();
        long stepSeconds = generator.getTimeStep().toSeconds();
        for (int drift = -1; drift <= stepsAhead; drift++) {
            Instant at = now.plus(generator.getTimeStep().multipliedBy(drift));
            String expected = codeAt(secret, at);
            if (MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.US_ASCII), digits.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(at.getEpochSecond() / stepSeconds);
            }
        }
        return OptionalLong.empty();
    }

    String codeAt(String secret, Instant at) {
        try {
            var key = new SecretKeySpec(base32.decode(secret), generator.getAlgorithm());
            return generator.generateOneTimePasswordString(key, at, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("A TOTP secret could not be used as a key", e);
        }
    }

    Duration step() {
        return generator.getTimeStep();
    }

    /** The enrolment link an authenticator app reads from the QR code. */
    String enrolmentUri(String issuer, String username, String secret) {
        String label = URLEncoder.encode(issuer + ":" + username, StandardCharsets.UTF_8)
                .replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer="
                + URLEncoder.encode(issuer, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The QR code of {@code text} as inline SVG: no image service, no JavaScript. */
    String qrCodeSvg(String text) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0);
            int size = matrix.getWidth();
            var svg = new StringBuilder();
            svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                    .append(size + 8)
                    .append(' ')
                    .append(size + 8)
                    .append(
                            "\" width=\"220\" height=\"220\" role=\"img\" aria-label=\"QR code\" shape-rendering=\"crispEdges\">")
                    .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    if (matrix.get(x, y)) {
                        svg.append('M').append(x + 4).append(' ').append(y + 4).append("h1v1h-1z");
                    }
                }
            }
            return svg.append("\"/></svg>").toString();
        } catch (WriterException e) {
            throw new IllegalStateException("Could not draw the enrolment QR code", e);
        }
    }

    /** Ten recovery codes, each usable once, in groups of five letters and digits. */
    List<String> newRecoveryCodes() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            byte[] bytes = new byte[7];
            random.nextBytes(bytes);
            String code = base32.encodeToString(bytes)
                    .replace("=", "")
                    .substring(0, 10)
                    .toLowerCase(Locale.ROOT);
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
        }
        return codes;
    }

    /** Recovery codes carry 50 random bits, so a fast hash suffices; only hashes are stored. */
    static String hashRecoveryCode(String code) {
        String normal = code.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
