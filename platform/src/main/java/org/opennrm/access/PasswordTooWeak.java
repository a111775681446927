package org.opennrm.access;

/** A password shorter than the minimum length. */
public class PasswordTooWeak extends org.opennrm.RuleViolation {
    private final int minimumLength;

    PasswordTooWeak(int minimumLength) {
        super("A password needs at least " + minimumLength + " characters");
        this.minimumLength = minimumLength;
    }

    public int minimumLength() {
        return minimumLength;
    }
}
