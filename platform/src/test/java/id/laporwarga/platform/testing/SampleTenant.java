package id.laporwarga.platform.testing;

import id.laporwarga.domain.geo.AdminBoundary;
import id.laporwarga.domain.memory.MemoryWorld;
import id.laporwarga.domain.roster.RosterImport;
import id.laporwarga.domain.roster.RosterRow;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.testkit.CsvRows;
import id.laporwarga.testkit.RepositoryFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import id.laporwarga.emulators.SampleTenants;
import id.laporwarga.platform.tenant.TenantDocuments;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    /** The rows of the sample roster (sample-data/kotamobagu/roster.csv), numbered by their line in the file. */
    public static List<RosterRow> rosterRows() {
        List<Map<String, String>> rows = CsvRows.read(RepositoryFiles.sampleData().resolve("kotamobagu/roster.csv"));
        List<RosterRow> out = new ArrayList<>();
        for (Map<String, String> r : rows) {
            out.add(new RosterRow(out.size() + 2, r.get("rt_id"), r.get("rt"), r.get("rw"), r.get("kelurahan_code"),
                    r.get("head_name"), r.get("head_email"), r.get("head_phone")));
        }
        return out;
    }

    /** Imports the sample roster into {@code world}'s roster (and its accounts), as the roster route does. */
    public static RosterImport.Outcome importRoster(MemoryWorld world) {
        return new RosterImport(world.roster, world.roster).run(kotamobagu(), rosterRows());
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
