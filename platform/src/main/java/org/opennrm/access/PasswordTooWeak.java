package org.opennrm.access;

/** A password shorter than the minimum length. */
public class PasswordTooWeak extends org.opennrm.RuleViolation {
    private final int minimumLength;

    PasswordTooWeak(int minimumLength) {
        // the page's words name the same minimum (MINIMUM_PASSWORD_LENGTH)
        super("account.password.tooShort", "A password needs at least " + minimumLength + " characters");
        this.minimumLength = minimumLength;
    }

    public int minimumLength() {
        return minimumLength;
    }
}
