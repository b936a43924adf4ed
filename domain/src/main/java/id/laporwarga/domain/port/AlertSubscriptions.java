package id.laporwarga.domain.port;

import id.laporwarga.domain.tenant.Tenant;
import java.util.List;

/** The agencies' alert channels as subscriptions filtered to their own cases; a sync is idempotent. */
public interface AlertSubscriptions {
    /** What one sync did; entries are {@code protocol:endpoint}. */
    record SyncReport(List<String> created, List<String> updated, List<String> removed, List<String> unchanged,
                      List<String> pending) {
        public boolean changedAnything() {
            return !created.isEmpty() || !updated.isEmpty() || !removed.isEmpty();
        }
    }

    /** Makes the subscriptions match the tenant's agency channels. */
    SyncReport sync(Tenant tenant);
}
