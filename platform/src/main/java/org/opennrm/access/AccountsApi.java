package org.opennrm.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.access.AccountManagement.AccountSearch;
import org.opennrm.access.AccountManagement.NewAccount;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;

/** Accounts through the API, and {@code /me}: who the presented token acts for and what it may do. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts", description = "Accounts, their roles, and the caller's own identity")
class AccountsApi {

    private final AccountManagement accounts;
    private final OrganisationRegistry organisations;
    private final Clock clock;

    AccountsApi(AccountManagement accounts, OrganisationRegistry organisations, Clock clock) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** An account as the API shows it: never a password hash, authenticator secret or recovery code. */
    record AccountSummary(
            UUID id,
            String username,
            String displayName,
            String email,
            UUID organisationId,
            List<Role> roles,
            boolean enabled,
            boolean locked,
            boolean secondFactorSetUp,
            int version) {

        static AccountSummary of(Account account, Instant now) {
            return new AccountSummary(
                    account.id(),
                    account.username(),
                    account.displayName(),
                    account.email(),
                    account.organisationId(),
                    account.roles().stream().sorted().toList(),
                    account.enabled(),
                    account.isLocked(now),
                    account.hasSecondFactor(),
                    account.version());
        }
    }

    record CreateAccountRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]*", message = "{account.username.invalid}")
            String username,

            @NotBlank @Size(max = 200) String displayName,
            @Email @Size(max = 320) String email,
            @NotNull UUID organisationId,
            @NotEmpty Set<Role> roles,

            @NotNull @Size(min = AccountManagement.MINIMUM_PASSWORD_LENGTH, max = 200)
            String password) {

        @Override
        public String toString() {
            return "CreateAccountRequest[" + organisationId + ", " + roles + "]";
        }
    }

    /** New roles for an account as it was at {@code version}. */
    record ChangeRolesRequest(
            @NotEmpty Set<Role> roles, @NotNull Integer version) {}

    /** The caller: the account a token acts for, and the grants it holds now (token and owner both). */
    record Me(
            UUID accountId,
            String username,
            UUID organisationId,
            String organisationName,
            List<Role> roles,
            List<String> grants) {}

    @GetMapping("/me")
    @Operation(summary = "Who the token acts for: account, organisation, roles and effective grants")
    Me me() {
        var actor = Actor.current().orElseThrow(() -> new RecordNotFound("account", "current"));
        return new Me(
                actor.accountId(),
                actor.username(),
                actor.organisationId(),
                organisations
                        .find(actor.organisationId())
                        .map(Organisation::name)
                        .orElse(null),
                actor.roles().stream().sorted().toList(),
                actor.grants().stream().map(Grant::authority).sorted().toList());
    }

    @GetMapping("/accounts")
    @PreAuthorize("hasAuthority('accounts:read:all')")
    @Operation(summary = "Accounts, filtered by text in user name or display name, organisation and role")
    List<AccountSummary> list(
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(required = false) UUID organisation,
            @RequestParam(required = false) Role role) {
        Instant now = clock.instant();
        return accounts.search(new AccountSearch(text, organisation, role)).stream()
                .map(account -> AccountSummary.of(account, now))
                .toList();
    }

    @GetMapping("/accounts/{id}")
    @PreAuthorize("hasAuthority('accounts:read:all')")
    @Operation(summary = "One account (the read is audited)")
    AccountSummary one(@PathVariable UUID id) {
        return AccountSummary.of(accounts.read(id), clock.instant());
    }

    @PostMapping("/accounts")
    @PreAuthorize("hasAuthority('accounts:manage:all')")
    @Operation(summary = "Create an account (201); a duplicate user name or weak password is a 400")
    ResponseEntity<AccountSummary> create(@Valid @RequestBody CreateAccountRequest request) {
        var account = accounts.register(new NewAccount(
                request.username().strip(),
                request.displayName(),
                AccountForm.blankToNull(request.email()),
                request.organisationId(),
                request.roles(),
                request.password()));
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.id()))
                .body(AccountSummary.of(account, clock.instant()));
    }

    @PutMapping("/accounts/{id}/roles")
    @PreAuthorize("hasAuthority('accounts:manage:all')")
    @Operation(summary = "Replace the roles of an account read at a version; 409 when it changed since")
    AccountSummary changeRoles(@PathVariable UUID id, @Valid @RequestBody ChangeRolesRequest request) {
        return AccountSummary.of(accounts.changeRoles(id, request.version(), request.roles()), clock.instant());
    }

    @ExceptionHandler(AccountAlreadyExists.class)
    ProblemDetail duplicate(AccountAlreadyExists e) {
        return fieldProblem("username", "An account with this user name already exists.");
    }

    @ExceptionHandler(PasswordTooWeak.class)
    ProblemDetail weakPassword(PasswordTooWeak e) {
        return fieldProblem("password", e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return unreadableBody(e);
    }

    /** An unknown role or a malformed value names its field, as a validation error would. */
    static ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JacksonException jackson) {
            var field = jackson.getPath().stream()
                    .map(JacksonException.Reference::getPropertyName)
                    .filter(Objects::nonNull)
                    .findFirst();
            if (field.isPresent()) {
                return fieldProblem(field.get(), "Not a valid value for this field.");
            }
        }
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request body is not JSON of the expected form.");
        problem.setTitle("Invalid request");
        return problem;
    }

    static ProblemDetail fieldProblem(String field, String message) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields are missing or invalid.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
