package id.laporwarga.domain.roster;

import id.laporwarga.domain.port.OfficialAccounts;

/**
 * The sign-in account of an RT's head: the user name in the officials' user pool (the head's e-mail address, or an
 * address made from the phone number for an SMS invitation), how the invitation went out and the account's state.
 * Only the account is kept here; the person's name and contact live in the user pool.
 */
public record RtHead(String username, OfficialAccounts.Medium medium, Status status) {
    public static final RtHead NONE = new RtHead(null, null, Status.NONE);

    public enum Status {
        /** No head named in the roster: nobody can sign in for this RT. */
        NONE,
        /** The account exists and the invitation was sent (or the account existed already). */
        INVITED,
        /** The account is disabled: the RT was deactivated, or the head was replaced. */
        DISABLED,
        /** Creating the account failed (e.g. the user pool throttled); the next import of the roster tries again. */
        FAILED
    }

    public boolean hasAccount() {
        return username != null && (status == Status.INVITED || status == Status.DISABLED);
    }
}
