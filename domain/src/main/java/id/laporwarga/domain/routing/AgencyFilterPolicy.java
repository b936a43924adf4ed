package id.laporwarga.domain.routing;

import id.laporwarga.domain.text.JsonText;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The SNS filter policy of one agency channel on the agency-alerts topic: {@code {"tenant":[t],"agencyId":[a,..]}}.
 * SNS matches it against the message attributes {@code tenant} and {@code agencyId} that every alert carries, so an
 * agency hears about its own cases only. Several agencies sharing one endpoint (SNS allows one subscription per
 * topic, protocol and endpoint) share one policy listing all their ids.
 */
public record AgencyFilterPolicy(String tenantId, SortedSet<String> agencyIds) {
    public static final String TENANT_ATTRIBUTE = "tenant";
    public static final String AGENCY_ATTRIBUTE = "agencyId";

    public AgencyFilterPolicy {
        Objects.requireNonNull(tenantId, "tenantId");
        if (agencyIds == null || agencyIds.isEmpty()) {
            throw new IllegalArgumentException("at least one agency id");
        }
        agencyIds = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(agencyIds));
    }

    public static AgencyFilterPolicy of(String tenantId, Collection<String> agencyIds) {
        return new AgencyFilterPolicy(tenantId, new TreeSet<>(agencyIds));
    }

    public static AgencyFilterPolicy of(String tenantId, String agencyId) {
        return of(tenantId, List.of(agencyId));
    }

    /** The policy as SNS expects it (canonical: keys and ids in a fixed order, so equal policies have equal text). */
    public String toJson() {
        StringBuilder sb = new StringBuilder(64).append("{\"").append(TENANT_ATTRIBUTE).append("\":[");
        JsonText.quote(sb, tenantId);
        sb.append("],\"").append(AGENCY_ATTRIBUTE).append("\":[");
        boolean first = true;
        for (String id : agencyIds) {
            if (!first) {
                sb.append(',');
            }
            JsonText.quote(sb, id);
            first = false;
        }
        return sb.append("]}").toString();
    }
}
