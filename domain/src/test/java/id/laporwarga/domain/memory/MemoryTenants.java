package id.laporwarga.domain.memory;

import id.laporwarga.domain.port.AlertSubscriptions;
import id.laporwarga.domain.port.TenantCatalog;
import id.laporwarga.domain.port.TenantRegistry;
import id.laporwarga.domain.tenant.Agency;
import id.laporwarga.domain.tenant.Tenant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory tenants (the domain's {@link TenantCatalog} and {@link TenantRegistry} ports) and the agencies' alert
 * subscriptions ({@link AlertSubscriptions}: one per agency channel, kept between syncs).
 */
public class MemoryTenants implements TenantCatalog, TenantRegistry, AlertSubscriptions {
    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
    public final Map<String, String> documents = new ConcurrentHashMap<>();
    /** {@code protocol:endpoint} of every subscription. */
    public final Set<String> subscriptions = new TreeSet<>();

    public MemoryTenants(Tenant... initial) {
        for (Tenant t : initial) {
            tenants.put(t.id(), t);
        }
    }

    @Override
    public List<Tenant> all() {
        return List.copyOf(tenants.values());
    }

    @Override
    public Optional<Tenant> find(String tenantId) {
        return Optional.ofNullable(tenantId == null ? null : tenants.get(tenantId));
    }

    @Override
    public boolean save(Tenant tenant, String document) {
        documents.put(tenant.id(), document);
        return tenants.put(tenant.id(), tenant) == null;
    }

    @Override
    public synchronized SyncReport sync(Tenant tenant) {
        Set<String> wanted = new TreeSet<>();
        for (Agency a : tenant.agencies()) {
            a.channels().forEach(c -> wanted.add(c.type().name().toLowerCase() + ":" + c.endpoint()));
        }
        List<String> created = new ArrayList<>(wanted);
        created.removeAll(subscriptions);
        List<String> unchanged = new ArrayList<>(wanted);
        unchanged.retainAll(subscriptions);
        subscriptions.addAll(created);
        return new SyncReport(created, List.of(), List.of(), unchanged, List.of());
    }

    /** Tenants by id, for assertions. */
    public Map<String, Tenant> byId() {
        return new LinkedHashMap<>(tenants);
    }
}
