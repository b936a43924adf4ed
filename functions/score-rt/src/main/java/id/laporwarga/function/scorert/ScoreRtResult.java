package id.laporwarga.function.scorert;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** What a run did, per tenant (ids and counts only). */
@Serdeable
public record ScoreRtResult(List<TenantRun> tenants) {
    @Serdeable
    public record TenantRun(String tenant, String period, String status, long casesRead, int rtScored,
                            boolean saved, long durationMs) {
    }
}
