package id.laporwarga.platform.testing;

import id.laporwarga.domain.geo.AdminBoundary;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.emulators.SampleTenants;
import id.laporwarga.platform.tenant.TenantDocuments;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.locationtech.jts.geom.util.AffineTransformation;

/** The Kotamobagu sample tenant (sample-data/kotamobagu, real boundaries) parsed as onboarding parses it. */
public final class SampleTenant {
    private static volatile Tenant kotamobagu;

    private SampleTenant() {
    }

    public static Tenant kotamobagu() {
        Tenant t = kotamobagu;
        if (t == null) {
            t = parse(SampleTenants.document(SampleTenants.KOTAMOBAGU), SampleTenants.KOTAMOBAGU);
            kotamobagu = t;
        }
        return t;
    }

    /**
     * Kotamobagu's real polygons moved by ({@code dLon}, {@code dLat}) degrees, as another tenant {@code id} (same
     * catalogue and codes): a second real-shaped tenant at a distinct place.
     */
    public static Tenant translated(String id, String name, double dLon, double dLat) {
        Tenant k = kotamobagu();
        AffineTransformation move = AffineTransformation.translationInstance(dLon, dLat);
        List<AdminBoundary> moved = k.boundaries().stream().map(b -> new AdminBoundary(b.level(), b.code(), b.name(),
                b.kecamatanCode(), move.transform(b.geometry()))).toList();
        return new Tenant(id, name, k.zone(), moved, k.categories(), k.agencies(), k.policies());
    }

    /** A tenant document as {@code PUT /v1/admin/tenants/{id}} validates it. */
    public static Tenant parse(String document, String tenantId) {
        try {
            JsonNode tree = JsonMapper.createDefault().readValue(document.getBytes(StandardCharsets.UTF_8), JsonNode.class);
            return TenantDocuments.parse(tree, tenantId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
