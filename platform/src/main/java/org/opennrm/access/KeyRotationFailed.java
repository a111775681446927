package org.opennrm.access;

/** A key rotation that stopped before its end. Every old key is still enabled: every value decrypts. */
public class KeyRotationFailed extends RuntimeException {

    KeyRotationFailed(String message, Throwable cause) {
        super(message, cause);
    }

    KeyRotationFailed(String message) {
        super(message);
    }
}
