package id.laporwarga.function.scorert;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The objects an export wrote. */
@Serdeable
public record ExportResult(String bucket, List<TenantExport> tenants) {
    @Serdeable
    public record TenantExport(String tenant, String period, long cases, int rtScores, int areas, List<String> keys) {
    }
}
