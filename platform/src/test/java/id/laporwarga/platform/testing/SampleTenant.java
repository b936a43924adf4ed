package id.laporwarga.platform.testing;

import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.emulators.SampleTenants;
import id.laporwarga.platform.tenant.TenantDocuments;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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
