package id.laporwarga.function.submitreport;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.laporwarga.domain.port.AlertSubscriptions;
import id.laporwarga.domain.port.TenantRegistry;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.tenant.TenantDocuments;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

/**
 * Onboards or replaces a whole tenant document: validated as a whole, stored, and the agencies' alert channels synced
 * to filtered subscriptions (idempotent: a re-PUT retries a failed sync).
 */
@Singleton
public class TenantOnboarding {
    private static final JsonLog LOG = JsonLog.get(TenantOnboarding.class);

    private final TenantRegistry registry;
    private final AlertSubscriptions subscriptions;

    public TenantOnboarding(TenantRegistry registry, AlertSubscriptions subscriptions) {
        this.registry = registry;
        this.subscriptions = subscriptions;
    }

    /** The answer to the PUT: what the document holds and what the subscription sync did. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Onboarded(String id, String name, String timeZone, int categories, int agencies, int boundaries,
                            SubscriptionCounts subscriptions) {
    }

    /** Whether the tenant is new, and the answer. */
    public record Outcome(boolean created, Onboarded view) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SubscriptionCounts(int created, int updated, int removed, int unchanged, int pending) {
    }

    /** @param tree the document read strictly ({@code HttpApiFunction.jsonBody}); {@code document} its text, stored */
    public Outcome onboard(String tenantId, JsonNode tree, String document) {
        Tenant tenant = TenantDocuments.parse(tree, tenantId);
        boolean created = registry.save(tenant, document);
        AlertSubscriptions.SyncReport sync = subscriptions.sync(tenant);
        JsonLog.put("tenant", tenant.id());
        LOG.info(created ? "tenant.created" : "tenant.updated", "categories", tenant.categories().size(),
                "agencies", tenant.agencies().size(), "boundaries", tenant.boundaries().size());
        return new Outcome(created, new Onboarded(tenant.id(), tenant.name(), tenant.zone().getId(),
                tenant.categories().size(), tenant.agencies().size(), tenant.boundaries().size(),
                new SubscriptionCounts(sync.created().size(), sync.updated().size(), sync.removed().size(),
                        sync.unchanged().size(), sync.pending().size())));
    }
}
