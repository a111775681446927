package org.opennrm.access;

/** A permission within a scope. Its authority string is {@code <permission>:<scope>}. */
public record Grant(Permission permission, Scope scope) implements java.io.Serializable {

    public String authority() {
        return permission.word() + ":" + scope.word();
    }

    /** Reads {@code organisations:manage:all} back; unknown words give an {@link IllegalArgumentException}. */
    public static Grant parse(String authority) {
        int last = authority.lastIndexOf(':');
        if (last < 0) {
            throw new IllegalArgumentException("Not a grant: " + authority);
        }
        String permission = authority.substring(0, last).replace(':', '_').toUpperCase(java.util.Locale.ROOT);
        String scope = authority.substring(last + 1).toUpperCase(java.util.Locale.ROOT);
        return new Grant(Permission.valueOf(permission), Scope.valueOf(scope));
    }

    /** True when this grant allows at least what {@code wanted} asks. */
    public boolean covers(Grant wanted) {
        return permission == wanted.permission && scope.covers(wanted.scope);
    }
}
