package org.opennrm;

/**
 * A request that breaks a rule of the NRM's work (a decision out of order, an end before a start). Its
 * message is written for the person who made the request and is shown to them as it is: it must name
 * the rule, never personal data.
 */
public class RuleViolation extends RuntimeException {

    public RuleViolation(String message) {
        super(message);
    }
}
