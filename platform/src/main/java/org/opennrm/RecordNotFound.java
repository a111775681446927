package org.opennrm;

/**
 * A record that does not exist, or that the person asking may not see: both answer the same way (404),
 * so that nobody learns that a record of another organisation exists.
 */
public class RecordNotFound extends RuntimeException {

    public RecordNotFound(String recordType, Object id) {
        super("No " + recordType + " " + id);
    }
}
