package id.laporwarga.function.scorert;

import id.laporwarga.domain.port.AnalyticsExports;
import id.laporwarga.domain.scoring.ScorePeriod;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.platform.tenant.TenantResolver;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The analysts' export of each requested tenant's period (default: the previous local month). */
@Singleton
public class Exports {
    private final AnalyticsExports exports;
    private final TenantResolver tenants;
    private final Clock clock;

    public Exports(AnalyticsExports exports, TenantResolver tenants, Clock clock) {
        this.exports = exports;
        this.tenants = tenants;
        this.clock = clock;
    }

    public ExportResult run(ExportRequest request) {
        List<ExportResult.TenantExport> out = new ArrayList<>();
        for (Tenant tenant : tenants.namedOrAll(request.tenant())) {
            var e = exports.export(tenant, ScorePeriod.requested(request.period(), tenant.zone(), clock.instant()));
            out.add(new ExportResult.TenantExport(e.tenant(), e.period(), e.cases(), e.rtScores(), e.areas(), e.keys()));
        }
        return new ExportResult(exports.destination(), out);
    }
}
