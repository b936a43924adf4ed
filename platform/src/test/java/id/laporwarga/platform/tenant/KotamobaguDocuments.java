package id.laporwarga.platform.tenant;

import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.testkit.RepositoryFiles;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** Kotamobagu tenant documents with the real boundaries, varied in one part, parsed as onboarding does. */
final class KotamobaguDocuments {
    static final String ONE_AGENCY = "[{\"id\":\"dlh\",\"name\":\"DLH\"}]";

    private KotamobaguDocuments() {
    }

    static Tenant parse(String agenciesJson, String policiesJson) throws Exception {
        return parse(agenciesJson, "[{\"code\":\"SAMPAH\",\"name\":\"Sampah\",\"agencyId\":\"dlh\"}]", policiesJson);
    }

    static Tenant parse(String agenciesJson, String categoriesJson, String policiesJson) throws Exception {
        String doc = "{\"id\":\"kotamobagu\",\"name\":\"Kota Kotamobagu\",\"timeZone\":\"WITA\","
                + "\"agencies\":" + agenciesJson + ","
                + "\"categories\":" + categoriesJson + ","
                + "\"policies\":" + policiesJson + ","
                + "\"boundaries\":" + Files.readString(RepositoryFiles.sampleData().resolve("kotamobagu/kotamobagu.geojson")) + "}";
        JsonNode tree = JsonMapper.createDefault().readValue(doc.getBytes(StandardCharsets.UTF_8), JsonNode.class);
        return TenantDocuments.parse(tree, "kotamobagu");
    }
}
