package org.opennrm.prevention.ads;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the contacts written in ads are made comparable: a phone number in any national or international way of writing
 * becomes E.164 (libphonenumber, with the region the collection comes from for numbers written nationally), an e-mail
 * address lower case, a handle (messenger or social-media name) trimmed, without a leading {@code @}, lower case.
 */
public final class Contacts {

    /** The kinds of contact an ad may give. */
    public enum Kind {
        PHONE,
        EMAIL,
        HANDLE
    }

    /** The fewest digits of a national number accepted as an advertiser's phone. */
    static final int MIN_DIGITS = 6;

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern HANDLE = Pattern.compile("[\\p{L}\\p{N}._-]{2,64}");

    private Contacts() {}

    /** Whether the platform knows the region (ISO 3166 alpha-2) for phone numbers written nationally. */
    public static boolean regionKnown(String region) {
        return region != null && PHONES.getSupportedRegions().contains(region.toUpperCase(Locale.ROOT));
    }

    /**
     * The number in E.164 ({@code +4915123456789}), or empty when it is not a possible phone number (under {@value #MIN_DIGITS} digits, too
     * long, letters, a national number without a known region).
     */
    public static Optional<String> phone(String written, String defaultRegion) {
        if (written == null || written.isBlank() || written.length() > 40) {
            return Optional.empty();
        }
        try {
            var number = PHONES.parse(
                    written.strip(), defaultRegion == null ? "ZZ" : defaultRegion.toUpperCase(Locale.ROOT));
            // some regions allow very short numbers (service numbers): an advertiser's is never under 6 digits
            if (!PHONES.isPossibleNumber(number)
                    || PHONES.getNationalSignificantNumber(number).length() < MIN_DIGITS) {
                return Optional.empty();
            }
            return Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    public static Optional<String> email(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String address = written.strip().toLowerCase(Locale.ROOT);
        return EMAIL.matcher(address).matches() && address.length() <= 254 ? Optional.of(address) : Optional.empty();
    }

    public static Optional<String> handle(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String handle = written.strip();
        if (handle.startsWith("@")) {
            handle = handle.substring(1);
        }
        handle = handle.toLowerCase(Locale.ROOT);
        return HANDLE.matcher(handle).matches() ? Optional.of(handle) : Optional.empty();
    }
}
