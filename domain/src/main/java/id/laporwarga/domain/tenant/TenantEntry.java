package id.laporwarga.domain.tenant;

import id.laporwarga.domain.geo.BoundingBox;
import id.laporwarga.domain.geo.GeoPoint;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One tenant in the national index: what listing and locating need without loading the tenant's document or its
 * boundaries. {@code version} changes with every stored change of the tenant (document or boundaries);
 * {@code boundaryVersion} only when the boundaries change (it names the stored boundary file). {@code boxes} cover
 * the tenant's area (one per cluster of polygon parts). {@code sequence} orders tenants by first onboarding.
 */
public record TenantEntry(String id, String name, ZoneId zone, String code, long version, String boundaryVersion,
                          List<BoundingBox> boxes, long sequence) {
    public TenantEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        boxes = List.copyOf(boxes);
    }

    public boolean covers(GeoPoint point) {
        return boxes.stream().anyMatch(b -> b.contains(point));
    }

    public boolean intersects(List<BoundingBox> others) {
        return boxes.stream().anyMatch(b -> others.stream().anyMatch(b::intersects));
    }
}
