package id.laporwarga.domain.geo;

import id.laporwarga.domain.tenant.TenantEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The point → tenant index of every onboarded tenant: the tenants' boxes in an R-tree (JTS STRtree). It holds no
 * polygon: a position's candidates are the tenants whose boxes contain it (usually one, a few near borders), and only
 * their boundaries are then loaded to decide. Candidates come in onboarding order, so that a position in a tolerated
 * sliver where two areas overlap goes to the tenant that was there first.
 */
public final class NationalIndex {
    private static final Comparator<TenantEntry> ONBOARDING_ORDER =
            Comparator.comparingLong(TenantEntry::sequence).thenComparing(TenantEntry::id);

    private final Map<String, TenantEntry> entries = new LinkedHashMap<>();
    private final STRtree tree = new STRtree();
    private final long version;

    public NationalIndex(List<TenantEntry> entries, long version) {
        this.version = version;
        entries.stream().sorted(ONBOARDING_ORDER).forEach(e -> this.entries.put(e.id(), e));
        for (TenantEntry e : this.entries.values()) {
            for (BoundingBox b : e.boxes()) {
                tree.insert(b.envelope(), e);
            }
        }
        tree.build();
    }

    public static NationalIndex empty() {
        return new NationalIndex(List.of(), 0);
    }

    /** Increases with every change of any tenant (the index is stored and replaced as a whole). */
    public long version() {
        return version;
    }

    public List<TenantEntry> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<TenantEntry> entry(String tenantId) {
        return Optional.ofNullable(tenantId == null ? null : entries.get(tenantId));
    }

    public int size() {
        return entries.size();
    }

    /** Tenants whose boxes contain the position, in onboarding order. */
    public List<TenantEntry> candidatesAt(GeoPoint point) {
        @SuppressWarnings("unchecked")
        List<TenantEntry> hits = tree.query(new Envelope(point.lon(), point.lon(), point.lat(), point.lat()));
        return distinct(hits).stream().filter(e -> e.covers(point)).sorted(ONBOARDING_ORDER).toList();
    }

    /** Tenants other than {@code exceptId} whose boxes intersect one of {@code boxes}. */
    public List<TenantEntry> intersecting(List<BoundingBox> boxes, String exceptId) {
        List<TenantEntry> hits = new ArrayList<>();
        for (BoundingBox b : boxes) {
            @SuppressWarnings("unchecked")
            List<TenantEntry> found = tree.query(b.envelope());
            hits.addAll(found);
        }
        return distinct(hits).stream().filter(e -> !e.id().equals(exceptId) && e.intersects(boxes))
                .sorted(ONBOARDING_ORDER).toList();
    }

    /** A new index with {@code entry} added or replaced, one version on. */
    public NationalIndex with(TenantEntry entry) {
        Map<String, TenantEntry> next = new LinkedHashMap<>(entries);
        next.put(entry.id(), entry);
        return new NationalIndex(List.copyOf(next.values()), version + 1);
    }

    /** The sequence number a newly onboarded tenant gets. */
    public long nextSequence() {
        return entries.values().stream().mapToLong(TenantEntry::sequence).max().orElse(0) + 1;
    }

    private static List<TenantEntry> distinct(List<TenantEntry> hits) {
        Set<TenantEntry> seen = new LinkedHashSet<>(hits);
        return List.copyOf(seen);
    }
}
