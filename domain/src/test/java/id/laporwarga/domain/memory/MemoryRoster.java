package id.laporwarga.domain.memory;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.port.OfficialAccounts;
import id.laporwarga.domain.port.RosterStore;
import id.laporwarga.domain.roster.RosterEntry;
import id.laporwarga.domain.roster.RtHead;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory RT rosters ({@link RosterStore}) and officials' accounts ({@link OfficialAccounts}: user name to account,
 * with the invitations sent), for handler and domain tests.
 */
public class MemoryRoster implements RosterStore, OfficialAccounts {
    private final Map<String, TreeMap<String, RosterEntry>> rosters = new ConcurrentHashMap<>();
    private final Map<String, Summary> summaries = new ConcurrentHashMap<>();
    /** Every account by user name. */
    public final Map<String, Account> accounts = new ConcurrentHashMap<>();
    /** Every invitation sent, in order. */
    public final List<Invitation> invitations = new ArrayList<>();
    /** When set, {@link #invite} fails for these user names (a throttled user pool). */
    public final java.util.Set<String> failingInvites = ConcurrentHashMap.newKeySet();

    public record Account(Invitation invitation, boolean enabled) {
    }

    /** Adds active RTs without heads (test setup), as an import would have stored them. */
    public MemoryRoster add(RosterEntry... entries) {
        for (RosterEntry e : entries) {
            rosters.computeIfAbsent(e.tenantId(), t -> new TreeMap<>()).put(e.rtId(), e);
        }
        return this;
    }

    /** An active RT of {@code tenantId} in kelurahan {@code kelurahanCode} of kecamatan {@code kecamatanCode}. */
    public static RosterEntry rt(String tenantId, String rtId, String kecamatanCode, String kelurahanCode,
                                 String kelurahanName) {
        return new RosterEntry(tenantId, rtId, "001", "001", kecamatanCode, null, kelurahanCode, kelurahanName, true,
                RtHead.NONE);
    }

    @Override
    public Optional<RosterEntry> find(String tenantId, String rtId) {
        TreeMap<String, RosterEntry> r = tenantId == null ? null : rosters.get(tenantId);
        return r == null || rtId == null ? Optional.empty() : Optional.ofNullable(r.get(rtId));
    }

    @Override
    public List<RosterEntry> list(String tenantId) {
        TreeMap<String, RosterEntry> r = rosters.get(tenantId);
        return r == null ? List.of() : List.copyOf(r.values());
    }

    @Override
    public Summary summary(String tenantId) {
        return summaries.getOrDefault(tenantId, new Summary(tenantId, 0, 0, 0));
    }

    @Override
    public synchronized void save(String tenantId, Collection<RosterEntry> changed, Summary summary) {
        changed.forEach(this::add);
        summaries.put(tenantId, summary);
    }

    @Override
    public synchronized void invite(Invitation invitation) {
        if (failingInvites.contains(invitation.username())) {
            throw new AccountsUnavailableException("throttled", null);
        }
        if (invitation.role() != Role.RT_HEAD && invitation.area() == null) {
            throw new IllegalArgumentException("an official needs an area here");
        }
        if (accounts.putIfAbsent(invitation.username(), new Account(invitation, true)) == null) {
            invitations.add(invitation);
        }
    }

    @Override
    public void disable(String username) {
        accounts.computeIfPresent(username, (k, a) -> new Account(a.invitation(), false));
    }

    @Override
    public void enable(String username) {
        accounts.computeIfPresent(username, (k, a) -> new Account(a.invitation(), true));
    }
}
