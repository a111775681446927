package org.opennrm.linkage.encoding;

/**
 * Input that cannot be processed as given: a malformed file, a schema that does not fit the data, a missing
 * secret. The message is meant for the person running the tool and never contains identifier values, only
 * line numbers and field names, because it may end up in logs.
 */
public final class InputRejected extends RuntimeException {

    public InputRejected(String message) {
        super(message);
    }

    public InputRejected(String message, Throwable cause) {
        super(message, cause);
    }
}
