package org.opennrm.linkage.scoring;

/**
 * The field-aware model could not be estimated from these lists (too few records or likely matches, a field
 * empty in every record, no field that separates matches); the message says why, in words for the operator, who
 * then falls back to the record-level Dice score rather than use a model that would be silently wrong.
 */
public final class ModelNotEstimated extends RuntimeException {

    public ModelNotEstimated(String message) {
        super(message);
    }
}
