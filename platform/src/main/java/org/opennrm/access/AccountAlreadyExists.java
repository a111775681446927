package org.opennrm.access;

/** An account with that user name exists already (user names are unique, ignoring case). */
public class AccountAlreadyExists extends org.opennrm.RuleViolation {
    AccountAlreadyExists(String username) {
        super("account.username.taken", "An account with the user name '" + username + "' already exists");
    }
}
