package org.opennrm.access;

import java.util.List;

/** A token was asked to carry permissions its owner does not hold. */
public class TokenBeyondOwnerRights extends RuntimeException {

    private final List<String> grants;

    TokenBeyondOwnerRights(List<String> grants) {
        super("A token cannot carry permissions its owner does not hold: " + String.join(", ", grants));
        this.grants = grants;
    }

    public List<String> grants() {
        return grants;
    }
}
