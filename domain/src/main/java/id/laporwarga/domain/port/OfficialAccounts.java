package id.laporwarga.domain.port;

import id.laporwarga.domain.auth.Role;

/**
 * Officials' sign-in accounts (the user pool behind the HTTP API's JWT authorizer). An account carries the claims
 * the functions read: role, tenant and area (for an RT head, the rtId), set by an admin, never by the user.
 */
public interface OfficialAccounts {
    /** How the invitation (user name and temporary password) reaches the person. */
    enum Medium { EMAIL, SMS }

    record Invitation(String username, Role role, String tenantId, String area, String name, String email,
                      String phone, Medium medium) {
    }

    /**
     * Creates the account and sends the invitation. An account with that user name that exists already is left as it
     * is (a retried import invites nobody twice).
     *
     * @throws AccountsUnavailableException when the user pool cannot be reached or refuses for now
     */
    void invite(Invitation invitation);

    /** Disables the account (it can no longer sign in; its history stays). Unknown accounts are ignored. */
    void disable(String username);

    /** Enables a disabled account again. Unknown accounts are ignored. */
    void enable(String username);

    /** The user pool could not create or change an account now; the caller may retry later. */
    class AccountsUnavailableException extends RuntimeException {
        public AccountsUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
