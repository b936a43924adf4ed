package id.laporwarga.function.scorert;

import id.laporwarga.domain.port.AnalyticsExports;
import id.laporwarga.domain.scoring.ScorePeriod;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.tenant.TenantResolver;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/** The analysts' export of one tenant's period per job message (default: the previous local month). */
@Singleton
public class Exports {
    private static final JsonLog LOG = JsonLog.get(Exports.class);
    private final AnalyticsExports exports;
    private final TenantResolver tenants;
    private final Json json;
    private final Clock clock;

    public Exports(AnalyticsExports exports, TenantResolver tenants, Json json, Clock clock) {
        this.exports = exports;
        this.tenants = tenants;
        this.json = json;
        this.clock = clock;
    }

    /** One message of the export jobs queue ({@link ExportRequest} as JSON, naming its tenant). */
    public ExportResult process(String body) {
        return run(json.read(body, ExportRequest.class));
    }

    /** Exports the tenant the request names (400 without one, 404 when it is not onboarded). */
    public ExportResult run(ExportRequest request) {
        JsonLog.put("tenant", request.tenant());
        long started = System.nanoTime();
        Tenant tenant = tenants.requireNamed(request.tenant());
        var e = exports.export(tenant, ScorePeriod.requested(request.period(), tenant.zone(), clock.instant()));
        LOG.info("export.written", "period", e.period(), "cases", e.cases(), "rtScores", e.rtScores(),
                "areas", e.areas(), "durationMs", (System.nanoTime() - started) / 1_000_000);
        return new ExportResult(exports.destination(), List.of(new ExportResult.TenantExport(e.tenant(), e.period(),
                e.cases(), e.rtScores(), e.areas(), e.keys())));
    }
}
