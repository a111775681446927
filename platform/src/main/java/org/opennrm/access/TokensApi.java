package org.opennrm.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opennrm.RecordNotFound;
import org.opennrm.access.AccessTokens.AccessToken;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own personal access tokens. A token of another account answers 404. */
@RestController
@RequestMapping("/api/v1/tokens")
@PreAuthorize("hasAuthority('tokens:manage:own')")
@Tag(name = "Tokens", description = "Personal access tokens of the caller")
class TokensApi {

    private final AccessTokens tokens;
    private final Clock clock;

    TokensApi(AccessTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A token as its owner sees it later: never its value. */
    record TokenSummary(
            UUID id,
            String name,
            List<String> grants,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            Instant revokedAt,
            boolean active) {

        static TokenSummary of(AccessToken token, Instant now) {
            return new TokenSummary(
                    token.id(),
                    token.name(),
                    token.grants().stream().map(Grant::authority).sorted().toList(),
                    token.createdAt(),
                    token.expiresAt(),
                    token.lastUsedAt(),
                    token.revokedAt(),
                    token.isActive(now));
        }
    }

    /** Grants are written as authorities ({@code organisations:read:all}); each must be the owner's own. */
    record CreateTokenRequest(
            @NotBlank @Size(max = 100) String name,
            @NotEmpty Set<String> grants,
            @Future Instant expiresAt) {}

    /** The answer to creating a token: the value is in this answer only. */
    record TokenCreated(TokenSummary token, String value) {}

    @GetMapping
    @Operation(summary = "The caller's tokens, newest first")
    List<TokenSummary> list() {
        Instant now = clock.instant();
        return tokens.of(owner()).stream().map(t -> TokenSummary.of(t, now)).toList();
    }

    @PostMapping
    @Operation(summary = "Create a token with a subset of the caller's grants (201); the value is shown once")
    ResponseEntity<TokenCreated> create(@Valid @RequestBody CreateTokenRequest request) {
        Set<Grant> wanted = request.grants().stream().map(Grant::parse).collect(Collectors.toSet());
        var created = tokens.create(owner(), request.name(), wanted, request.expiresAt());
        return ResponseEntity.created(
                        URI.create("/api/v1/tokens/" + created.token().id()))
                .header("Cache-Control", "no-store")
                .body(new TokenCreated(TokenSummary.of(created.token(), clock.instant()), created.value()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke one of the caller's tokens (204); another account's token is a 404")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        var owner = owner();
        if (!tokens.revoke(owner, id) && tokens.of(owner).stream().noneMatch(t -> t.id().equals(id))) {
            throw new RecordNotFound("access-token", id);
        }
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(TokenBeyondOwnerRights.class)
    ProblemDetail beyondOwnerRights(TokenBeyondOwnerRights e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Beyond the owner's rights");
        problem.setProperty("grants", e.grants());
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return AccountsApi.unreadableBody(e);
    }

    private static Actor owner() {
        return Actor.current().orElseThrow(() -> new RecordNotFound("account", "current"));
    }
}
