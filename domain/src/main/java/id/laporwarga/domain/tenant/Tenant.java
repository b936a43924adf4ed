package id.laporwarga.domain.tenant;

import id.laporwarga.domain.geo.AdminBoundary;
import id.laporwarga.domain.geo.BoundaryIndex;
import id.laporwarga.domain.time.WorkingCalendar;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One Pemda (kota/kabupaten): its zone, boundaries, category catalogue, agencies and policies. */
public final class Tenant {
    private final String id;
    private final String name;
    private final ZoneId zone;
    private final List<AdminBoundary> boundaries;
    private final List<Category> categories;
    private final List<Agency> agencies;
    private final TenantPolicies policies;
    private final BoundaryIndex boundaryIndex;

    public Tenant(String id, String name, ZoneId zone, List<AdminBoundary> boundaries, List<Category> categories,
                  List<Agency> agencies, TenantPolicies policies) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.boundaries = List.copyOf(boundaries);
        this.categories = List.copyOf(categories);
        this.agencies = List.copyOf(agencies);
        this.policies = policies == null ? TenantPolicies.defaults() : policies;
        this.boundaryIndex = new BoundaryIndex(this.boundaries);
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

    public List<AdminBoundary> boundaries() {
        return boundaries;
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

    public BoundaryIndex boundaryIndex() {
        return boundaryIndex;
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
