package org.opennrm.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of signing in: a code from an authenticator app (or a recovery code), and the
 * enrolment of an authenticator the first time a role that needs one signs in.
 */
@Controller
@RequestMapping("/sign-in/second-factor")
class SecondFactorController {

    private static final String ENROLMENT_SECRET = "opennrm.enrolment-secret";

    private final Accounts accounts;
    private final TotpCodes codes;
    private final IdentityProtection protection;
    private final SignInOutcomes outcomes;
    private final AuditTrail audit;
    private final Clock clock;

    SecondFactorController(
            Accounts accounts,
            TotpCodes codes,
            IdentityProtection protection,
            SignInOutcomes outcomes,
            AuditTrail audit,
            Clock clock) {
        this.accounts = accounts;
        this.codes = codes;
        this.protection = protection;
        this.outcomes = outcomes;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    String codeForm() {
        boolean enrolled = pendingAccount().map(Account::hasSecondFactor).orElse(false);
        return enrolled ? "access/second-factor" : "redirect:/sign-in/second-factor/enrol";
    }

    @PostMapping
    String checkCode(
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model)
            throws IOException {
        Account account = pendingAccount().orElseThrow();
        if (account.isLocked(clock.instant())) {
            return signInAgain(request);
        }
        String trimmed = code.strip();
        boolean valid =
                account.hasSecondFactor() && (useTotpCode(account, trimmed) || useRecoveryCode(account, trimmed));
        if (!valid) {
            audit.recordFor(
                    account.id(), account.username(), account.organisationId(), AuditAction.SECOND_FACTOR_FAILED, null);
            outcomes.countFailure(account);
            if (accounts.findById(account.id()).orElseThrow().isLocked(clock.instant())) {
                return signInAgain(request);
            }
            model.addAttribute("invalid", true);
            return "access/second-factor";
        }
        outcomes.signIn(
                accounts.findById(account.id()).orElseThrow(), firstFactor() + " and second factor", request, response);
        outcomes.redirectToWhereTheyWereGoing(request, response);
        return null;
    }

    @GetMapping("/enrol")
    String enrolmentForm(HttpSession session, Model model) {
        Account account = pendingAccount().orElseThrow();
        if (account.hasSecondFactor()) {
            return "redirect:/sign-in/second-factor";
        }
        // the secret lives in the session until a first code proves the app holds it
        String secret = (String) session.getAttribute(ENROLMENT_SECRET);
        if (secret == null) {
            secret = codes.newSecret();
            session.setAttribute(ENROLMENT_SECRET, secret);
        }
        return enrolmentPage(model, account, secret);
    }

    @PostMapping("/enrol")
    String confirmEnrolment(@RequestParam(defaultValue = "") String code, HttpSession session, Model model) {
        Account account = pendingAccount().orElseThrow();
        String secret = (String) session.getAttribute(ENROLMENT_SECRET);
        if (secret == null || account.hasSecondFactor()) {
            return "redirect:/sign-in/second-factor/enrol";
        }
        var step = codes.matchingStep(secret, code);
        if (step.isEmpty()) {
            model.addAttribute("invalid", true);
            return enrolmentPage(model, account, secret);
        }
        List<String> recoveryCodes = codes.newRecoveryCodes();
        account.startSecondFactorEnrolment(protection.encrypt(secret, secretContext(account)));
        account.confirmSecondFactor(
                clock.instant(),
                recoveryCodes.stream().map(TotpCodes::hashRecoveryCode).toList());
        accounts.update(account);
        // the code that confirmed the enrolment counts as this sign-in's second factor: it is used up
        accounts.useTotpStep(account.id(), step.getAsLong());
        session.removeAttribute(ENROLMENT_SECRET);
        audit.recordFor(
                account.id(), account.username(), account.organisationId(), AuditAction.SECOND_FACTOR_ENROLLED, null);
        model.addAttribute("recoveryCodes", recoveryCodes);
        return "access/recovery-codes";
    }

    /** After the recovery codes were shown: the enrolment counted as the second factor of this sign-in. */
    @PostMapping("/enrol/done")
    String enrolmentDone(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Account account = pendingAccount().orElseThrow();
        if (!account.hasSecondFactor()) {
            return "redirect:/sign-in/second-factor/enrol";
        }
        outcomes.signIn(account, firstFactor() + " and new second factor", request, response);
        outcomes.redirectToWhereTheyWereGoing(request, response);
        return null;
    }

    private String enrolmentPage(Model model, Account account, String secret) {
        model.addAttribute("secret", secret);
        model.addAttribute("qrCode", codes.qrCodeSvg(codes.enrolmentUri("OpenNRM", account.username(), secret)));
        return "access/second-factor-enrol";
    }

    /** An authenticator code is accepted once: a second use within its window is a replay and refused. */
    private boolean useTotpCode(Account account, String code) {
        var step = codes.matchingStep(secretOf(account), code);
        return step.isPresent() && accounts.useTotpStep(account.id(), step.getAsLong());
    }

    private boolean useRecoveryCode(Account account, String code) {
        String hash = TotpCodes.hashRecoveryCode(code);
        if (!accounts.consumeRecoveryCode(account.id(), hash)) {
            return false;
        }
        account.useRecoveryCode(hash);
        audit.recordFor(
                account.id(),
                account.username(),
                account.organisationId(),
                AuditAction.RECOVERY_CODE_USED,
                account.remainingRecoveryCodes() + " left");
        return true;
    }

    private String secretOf(Account account) {
        return protection.decrypt(account.totpSecret(), secretContext(account));
    }

    static String secretContext(Account account) {
        return "access.account.totp_secret:" + account.id();
    }

    private String signInAgain(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        request.getSession().invalidate();
        return "redirect:/login?error";
    }

    /** How the first step of this sign-in was taken ("password" or "single sign-on"), for its audit entry. */
    private static String firstFactor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignInOutcomes.PendingSignIn pending) {
            return pending.firstFactor();
        }
        return "password";
    }

    private Optional<Account> pendingAccount() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignInOutcomes.PendingSignIn pending) {
            return accounts.findById(pending.accountId());
        }
        return Optional.empty();
    }
}
