package org.opennrm.linkage.cli;

/** The command line itself is wrong (unknown option, missing value); exit code 2, as is usual for usage. */
final class UsageError extends RuntimeException {

    UsageError(String message) {
        super(message);
    }
}
