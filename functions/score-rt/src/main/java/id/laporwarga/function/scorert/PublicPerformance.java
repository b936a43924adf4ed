package id.laporwarga.function.scorert;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.port.RtScores;
import id.laporwarga.domain.scoring.AreaStats;
import id.laporwarga.domain.scoring.RtRanking;
import id.laporwarga.domain.scoring.RtScore;
import id.laporwarga.domain.scoring.ScorePeriod;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.platform.http.QueryParameters;
import id.laporwarga.platform.tenant.TenantResolver;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Public RT performance: the ranking, one RT's score with its breakdown and trend, and complaint figures per kecamatan
 * and kelurahan, all aggregates computed by score-rt. A period defaults to the last closed month.
 */
@Singleton
public class PublicPerformance {
    static final int TREND_PERIODS = 12;

    private final RtScores scores;
    private final TenantResolver tenants;
    private final Clock clock;

    /** An area code of the tenant's boundaries, e.g. kelurahan {@code 71.74.02.1007}. */
    static final Pattern AREA_CODE = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private static String periodOf(QueryParameters query) {
        String period = QueryParameters.text(query.period("period"));
        query.done();
        return period;
    }

    public PublicPerformance(RtScores scores, TenantResolver tenants, Clock clock) {
        this.scores = scores;
        this.tenants = tenants;
        this.clock = clock;
    }

    public PerformanceViews.Ranking ranking(String tenantId, QueryParameters query) {
        String period = QueryParameters.text(query.period("period"));
        String kelurahan = query.matching("kelurahan", AREA_CODE, "kode kelurahan, contoh 71.74.02.1007",
                "a kelurahan code, e.g. 71.74.02.1007");
        query.done();
        Tenant tenant = tenants.require(tenantId);
        ScorePeriod p = ScorePeriod.requested(period, tenant.zone(), clock.instant());
        return PerformanceViews.Ranking.of(header(tenant, p), kelurahan,
                RtRanking.rank(scores.rtScores(tenant.id(), p.id()), kelurahan));
    }

    public PerformanceViews.Performance performance(String tenantId, QueryParameters query, String rtId, Locale locale) {
        String period = periodOf(query);
        Tenant tenant = tenants.require(tenantId);
        ScorePeriod p = ScorePeriod.requested(period, tenant.zone(), clock.instant());
        RtScore s = scores.rtScore(tenant.id(), p.id(), rtId).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND,
                LocalizedText.of("Belum ada nilai RT ini untuk periode " + p.id() + ".",
                        "No score for this RT in period " + p.id() + ".")));
        return PerformanceViews.Performance.of(header(tenant, p), s,
                scores.trend(tenant.id(), rtId, p.id(), TREND_PERIODS), locale);
    }

    public PerformanceViews.Areas areas(String tenantId, QueryParameters query) {
        String period = periodOf(query);
        Tenant tenant = tenants.require(tenantId);
        ScorePeriod p = ScorePeriod.requested(period, tenant.zone(), clock.instant());
        List<PerformanceViews.Area> kecamatan = new ArrayList<>();
        List<PerformanceViews.Area> kelurahan = null;
        String currentKecamatan = null;
        Map<String, PerformanceViews.Centre> centres = new HashMap<>();
        tenant.boundaries().forEach(b -> centres.put(b.code(), PerformanceViews.Centre.of(b.geometry())));
        for (AreaStats a : scores.areas(tenant.id(), p.id())) {
            if (a.isKecamatan()) {
                kelurahan = new ArrayList<>();
                currentKecamatan = a.kecamatanCode();
                kecamatan.add(PerformanceViews.Area.of(a.kecamatanCode(), a.kecamatanName(), a,
                        centres.get(a.kecamatanCode()), kelurahan));
            } else if (kelurahan != null && a.kecamatanCode().equals(currentKecamatan)) {
                kelurahan.add(PerformanceViews.Area.of(a.kelurahanCode(), a.kelurahanName(), a,
                        centres.get(a.kelurahanCode()), null));
            }
        }
        return PerformanceViews.Areas.of(header(tenant, p), kecamatan);
    }

    private PerformanceViews.Header header(Tenant tenant, ScorePeriod period) {
        return PerformanceViews.Header.of(tenant.id(), period.id(), scores.header(tenant.id(), period.id()));
    }
}
