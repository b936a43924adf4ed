package id.laporwarga.domain.memory;

import id.laporwarga.domain.geo.AdminBoundary;
import id.laporwarga.domain.geo.Boundaries;
import id.laporwarga.domain.geo.BoundaryFingerprint;
import id.laporwarga.domain.geo.NationalIndex;
import id.laporwarga.domain.geo.TenantAreas;
import id.laporwarga.domain.port.AlertSubscriptions;
import id.laporwarga.domain.port.TenantCatalog;
import id.laporwarga.domain.port.TenantRegistry;
import id.laporwarga.domain.tenant.Agency;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.tenant.TenantEntry;
import id.laporwarga.domain.tenant.TenantOnboardingService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory tenants (the domain's {@link TenantCatalog} and {@link TenantRegistry} ports, with a national index and
 * boundary files kept by version) and the agencies' alert subscriptions ({@link AlertSubscriptions}: one per agency
 * channel, kept between syncs). {@link #boundaryLoads} records every boundary file read, so tests can assert what a
 * request loaded.
 */
public class MemoryTenants implements TenantCatalog, TenantRegistry, AlertSubscriptions {
    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
    private final Map<String, Stored> stored = new ConcurrentHashMap<>();
    private final Map<String, List<AdminBoundary>> files = new ConcurrentHashMap<>();
    private volatile NationalIndex index = NationalIndex.empty();
    public final Map<String, String> documents = new ConcurrentHashMap<>();
    /** Tenant ids whose boundary file was read, in order. */
    public final List<String> boundaryLoads = Collections.synchronizedList(new ArrayList<>());
    /** {@code protocol:endpoint} of every subscription. */
    public final Set<String> subscriptions = new TreeSet<>();

    public MemoryTenants(Tenant... initial) {
        for (Tenant t : initial) {
            add(t);
        }
    }

    /** Adds a tenant as onboarded (its polygons are at hand: no load is recorded). */
    public synchronized void add(Tenant t) {
        put(t, t);
    }

    /**
     * Adds a tenant as the platform stores it: its polygons in a boundary file, read on first use (and recorded in
     * {@link #boundaryLoads}).
     */
    public synchronized void addLazily(Tenant t) {
        String version = BoundaryFingerprint.of(t.boundaries());
        files.put(t.id() + "@" + version, t.boundaries());
        Tenant lazy = new Tenant(t.id(), t.name(), t.zone(), Boundaries.lazy(version, TenantAreas.of(t.boundaries()),
                () -> loadBoundaries(t.id(), version)), t.categories(), t.agencies(), t.policies());
        put(t, lazy);
    }

    private void put(Tenant t, Tenant served) {
        String version = t.boundarySet().version() != null ? t.boundarySet().version() : BoundaryFingerprint.of(t.boundaries());
        files.putIfAbsent(t.id() + "@" + version, t.boundaries());
        var boxes = Boundaries.boxes(t.boundaries(), TenantOnboardingService.MAX_BOXES);
        TenantEntry entry = new TenantEntry(t.id(), t.name(), t.zone(), null, index.version() + 1, version, boxes,
                index.entry(t.id()).map(TenantEntry::sequence).orElse(index.nextSequence()));
        index = index.with(entry);
        tenants.put(t.id(), served);
        stored.put(t.id(), new Stored(entry, TenantAreas.of(t.boundaries()), documents.getOrDefault(t.id(), "{}")));
    }

    @Override
    public NationalIndex index() {
        return index;
    }

    @Override
    public Optional<Tenant> find(String tenantId) {
        return Optional.ofNullable(tenantId == null ? null : tenants.get(tenantId));
    }

    @Override
    public Optional<Stored> stored(String tenantId) {
        return Optional.ofNullable(stored.get(tenantId));
    }

    @Override
    public NationalIndex currentIndex() {
        return index;
    }

    @Override
    public void storeBoundaries(String tenantId, String version, List<AdminBoundary> boundaries) {
        files.put(tenantId + "@" + version, List.copyOf(boundaries));
    }

    @Override
    public List<AdminBoundary> loadBoundaries(String tenantId, String version) {
        List<AdminBoundary> file = files.get(tenantId + "@" + version);
        if (file == null) {
            throw new IllegalStateException("no boundary file " + version + " of " + tenantId);
        }
        boundaryLoads.add(tenantId);
        return file;
    }

    @Override
    public synchronized void commit(Tenant tenant, String document, TenantEntry entry, NationalIndex basedOn) {
        if (basedOn.version() != index.version()) {
            throw new ConcurrentChangeException("index " + index.version() + " is not " + basedOn.version());
        }
        index = basedOn.with(entry);
        documents.put(tenant.id(), document);
        tenants.put(tenant.id(), tenant);
        stored.put(tenant.id(), new Stored(entry, tenant.areas(), document));
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
