package id.laporwarga.domain.tenant;

import id.laporwarga.domain.geo.AdminBoundary;
import id.laporwarga.domain.geo.Boundaries;
import id.laporwarga.domain.geo.BoundaryIndex;
import id.laporwarga.domain.geo.TenantAreas;
import id.laporwarga.domain.time.WorkingCalendar;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Pemda (kota/kabupaten): its zone, boundaries, category catalogue, agencies and policies. The boundaries'
 * polygons may be loaded lazily ({@link Boundaries}): {@link #areas()} never loads them, {@link #boundaries()} and
 * {@link #boundaryIndex()} do.
 */
public final class Tenant {
    private final String id;
    private final String name;
    private final ZoneId zone;
    private final Boundaries boundaries;
    private final List<Category> categories;
    private final List<Agency> agencies;
    private final TenantPolicies policies;

    public Tenant(String id, String name, ZoneId zone, List<AdminBoundary> boundaries, List<Category> categories,
                  List<Agency> agencies, TenantPolicies policies) {
        this(id, name, zone, Boundaries.of(boundaries), categories, agencies, policies);
    }

    public Tenant(String id, String name, ZoneId zone, Boundaries boundaries, List<Category> categories,
                  List<Agency> agencies, TenantPolicies policies) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.boundaries = Objects.requireNonNull(boundaries, "boundaries");
        this.categories = List.copyOf(categories);
        this.agencies = List.copyOf(agencies);
        this.policies = policies == null ? TenantPolicies.defaults() : policies;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The polygons (loads them if they are not in memory yet). */
    public List<AdminBoundary> boundaries() {
        return boundaries.list();
    }

    /** The polygons' holder: version, areas, whether loaded. */
    public Boundaries boundarySet() {
        return boundaries;
    }

    /** Kecamatan and desa/kelurahan names and codes (never loads polygons). */
    public TenantAreas areas() {
        return boundaries.areas();
    }

    public List<Category> categories() {
        return categories;
    }

    public List<Agency> agencies() {
        return agencies;
    }

    public TenantPolicies policies() {
        return policies;
    }

    /** The point-in-polygon index (loads the polygons if they are not in memory yet). */
    public BoundaryIndex boundaryIndex() {
        return boundaries.index();
    }

    public WorkingCalendar calendar() {
        return new WorkingCalendar(zone, policies.holidays());
    }

    public Optional<Category> category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public Optional<Agency> agency(String agencyId) {
        return agencies.stream().filter(a -> a.id().equals(agencyId)).findFirst();
    }
}
