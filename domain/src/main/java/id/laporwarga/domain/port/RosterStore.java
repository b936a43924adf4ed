package id.laporwarga.domain.port;

import id.laporwarga.domain.roster.RosterEntry;
import java.util.Collection;

/** Writes of the roster import: changed RTs one item each, then the roster's version and counts. */
public interface RosterStore extends Roster {
    /** The roster's version (0 before the first import) and how many RTs it holds. */
    record Summary(String tenantId, long version, int rts, int active) {
    }

    Summary summary(String tenantId);

    /** Stores {@code changed} (whole entries) and the new summary; {@code changed} may be empty (nothing stored). */
    void save(String tenantId, Collection<RosterEntry> changed, Summary summary);
}
