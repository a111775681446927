package org.opennrm.monitoring.plan.body;

/**
 * The official who represents a member organisation in the co-ordinating body: name, function and work e-mail, each
 * optional (an organisation may sit before it has named someone). Officials, never anyone the NRM protects.
 */
public record Representative(String name, String function, String email) {

    static final int NAME_LENGTH = 200;
    static final int EMAIL_LENGTH = 254;

    public static final Representative NONE = new Representative(null, null, null);

    public Representative {
        name = blankToNull(name);
        function = blankToNull(function);
        email = blankToNull(email);
    }

    public boolean named() {
        return name != null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
