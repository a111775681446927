package org.opennrm.access;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads accounts for password sign-in. */
@Component
class AccountDetails implements UserDetailsService {

    private final Accounts accounts;
    private final Clock clock;

    AccountDetails(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(username)
                .map(account -> new AccountPrincipal(account, account.isLocked(clock.instant())))
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}
