package org.opennrm.access;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The account of one person who works for a partner organisation. Created by an administrator; its
 * roles change over time (each change audited); locked for a while after repeated failed sign-ins;
 * disabled, never deleted, when the person leaves, so that the audit trail keeps naming them.
 */
public final class Account {

    private final UUID id;
    private final String username;
    private String displayName;
    private String email;
    private final UUID organisationId;
    private String passwordHash;
    private Set<Role> roles;
    private boolean enabled;
    private int failedSignIns;
    private Instant lockedUntil;
    private String totpSecret; // encrypted at rest; clear text only in memory while verifying
    private Instant totpConfirmedAt;
    private List<String> recoveryCodeHashes;
    private final int version;

    Account(
            UUID id,
            String username,
            String displayName,
            String email,
            UUID organisationId,
            String passwordHash,
            Set<Role> roles,
            boolean enabled,
            int failedSignIns,
            Instant lockedUntil,
            String totpSecret,
            Instant totpConfirmedAt,
            List<String> recoveryCodeHashes,
            int version) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.organisationId = organisationId;
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.enabled = enabled;
        this.failedSignIns = failedSignIns;
        this.lockedUntil = lockedUntil;
        this.totpSecret = totpSecret;
        this.totpConfirmedAt = totpConfirmedAt;
        this.recoveryCodeHashes = List.copyOf(recoveryCodeHashes);
        this.version = version;
    }

    static Account create(String username, String displayName, String email, UUID organisationId, Set<Role> roles) {
        return new Account(
                UUID.randomUUID(),
                username.strip(),
                displayName.strip(),
                email,
                organisationId,
                null,
                roles,
                true,
                0,
                null,
                null,
                null,
                List.of(),
                0);
    }

    boolean requiresSecondFactor() {
        return roles.stream().anyMatch(Role::requiresSecondFactor);
    }

    boolean hasSecondFactor() {
        return totpConfirmedAt != null;
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a failed sign-in; the {@code max}-th in a row locks the account for {@code lockFor}. */
    boolean failSignIn(int max, Duration lockFor, Instant now) {
        failedSignIns++;
        if (failedSignIns >= max) {
            lockedUntil = now.plus(lockFor);
            failedSignIns = 0;
            return true;
        }
        return false;
    }

    void succeedSignIn() {
        failedSignIns = 0;
        lockedUntil = null;
    }

    /** Lifts a lock-out before it ends by itself, for example after the person called their administrator. */
    void unlock() {
        failedSignIns = 0;
        lockedUntil = null;
    }

    void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    void changeRoles(Set<Role> newRoles) {
        this.roles = newRoles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(newRoles);
    }

    void changeProfile(String displayName, String email) {
        this.displayName = displayName.strip();
        this.email = email;
    }

    void disable() {
        this.enabled = false;
    }

    void enable() {
        this.enabled = true;
        this.failedSignIns = 0;
        this.lockedUntil = null;
    }

    void startSecondFactorEnrolment(String encryptedSecret) {
        this.totpSecret = encryptedSecret;
        this.totpConfirmedAt = null;
    }

    void confirmSecondFactor(Instant now, List<String> recoveryCodeHashes) {
        this.totpConfirmedAt = now;
        this.recoveryCodeHashes = List.copyOf(recoveryCodeHashes);
    }

    void useRecoveryCode(String hash) {
        this.recoveryCodeHashes =
                recoveryCodeHashes.stream().filter(h -> !h.equals(hash)).toList();
    }

    void resetSecondFactor() {
        this.totpSecret = null;
        this.totpConfirmedAt = null;
        this.recoveryCodeHashes = List.of();
    }

    Actor actor() {
        return Actor.of(id, username, organisationId, roles);
    }

    public UUID id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public UUID organisationId() {
        return organisationId;
    }

    String passwordHash() {
        return passwordHash;
    }

    /** The roles in their declared order, so that pages and answers list them the same way each time. */
    public Set<Role> roles() {
        return java.util.Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public boolean enabled() {
        return enabled;
    }

    int failedSignIns() {
        return failedSignIns;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    String totpSecret() {
        return totpSecret;
    }

    public Instant totpConfirmedAt() {
        return totpConfirmedAt;
    }

    List<String> recoveryCodeHashes() {
        return recoveryCodeHashes;
    }

    public int remainingRecoveryCodes() {
        return recoveryCodeHashes.size();
    }

    public int version() {
        return version;
    }

    @Override
    public String toString() {
        return "Account[" + id + "]";
    }
}
