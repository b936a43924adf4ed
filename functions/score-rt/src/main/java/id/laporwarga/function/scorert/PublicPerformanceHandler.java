package id.laporwarga.function.scorert;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.scoring.AreaStats;
import id.laporwarga.domain.scoring.ComponentScore;
import id.laporwarga.domain.scoring.RtCounts;
import id.laporwarga.domain.scoring.RtScore;
import id.laporwarga.domain.scoring.ScoreComponentType;
import id.laporwarga.domain.scoring.ScorePeriod;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.platform.http.ApiRequest;
import id.laporwarga.platform.http.ApiResponse;
import id.laporwarga.platform.http.HttpApiFunction;
import id.laporwarga.platform.http.Routes;
import id.laporwarga.platform.store.RtScoreStore;
import id.laporwarga.platform.tenant.DynamoTenantStore;
import io.micronaut.context.ApplicationContextBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Public RT performance (no sign-in): the ranking, one RT's score with its breakdown and trend, and complaint figures
 * per kecamatan and kelurahan. Everything served here is an aggregate computed by score-rt: no single case, no
 * reporter, nothing from a confidential case. {@code period} defaults to the last closed month.
 */
public class PublicPerformanceHandler extends HttpApiFunction {
    static final String CACHE = "public, max-age=300";

    public PublicPerformanceHandler() {
        super();
    }

    public PublicPerformanceHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    protected Routes routes() {
        return new Routes()
                .on("GET", "/v1/public/{tenant}/rt", this::ranking)
                .on("GET", "/v1/public/{tenant}/rt/{rtId}/performance", this::performance)
                .on("GET", "/v1/public/{tenant}/areas", this::areas);
    }

    private Tenant tenant(ApiRequest request) {
        String id = request.pathParameter("tenant");
        return bean(DynamoTenantStore.class).find(id).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND,
                LocalizedText.of("Pemda tidak ditemukan.", "Tenant not found.")));
    }

    private static ScorePeriod period(ApiRequest request, Tenant tenant) {
        var given = request.query("period");
        if (given.isEmpty()) {
            return ScorePeriod.containing(Clock.systemUTC().instant(), tenant.zone()).previous();
        }
        try {
            return ScorePeriod.parse(given.get(), tenant.zone());
        } catch (IllegalArgumentException e) {
            throw DomainException.validation(Map.of("period", LocalizedText.of(
                    "format yyyy-MM, contoh 2026-10", "format yyyy-MM, e.g. 2026-10")));
        }
    }

    ApiResponse ranking(ApiRequest request) {
        Tenant tenant = tenant(request);
        ScorePeriod period = period(request, tenant);
        RtScoreStore store = bean(RtScoreStore.class);
        String kelurahan = request.query("kelurahan").orElse(null);
        List<RtScore> scores = new ArrayList<>(store.rtScores(tenant.id(), period.id()));
        if (kelurahan != null) {
            scores.removeIf(s -> !kelurahan.equals(s.kelurahanCode()));
        }
        scores.sort(Comparator.comparingInt(RtScore::score).reversed().thenComparing(RtScore::rtId));
        List<Map<String, Object>> rows = new ArrayList<>();
        int rank = 0;
        int previousScore = Integer.MIN_VALUE;
        for (int i = 0; i < scores.size(); i++) {
            RtScore s = scores.get(i);
            if (s.score() != previousScore) {
                rank = i + 1; // equal scores share a rank (1, 2, 2, 4)
                previousScore = s.score();
            }
            Map<String, Object> row = summary(s);
            row.put("rank", rank);
            rows.add(row);
        }
        Map<String, Object> body = header(tenant, period, store);
        body.put("kelurahan", kelurahan);
        body.put("rts", rows);
        return ApiResponse.ok(body).withHeader("Cache-Control", CACHE);
    }

    ApiResponse performance(ApiRequest request) {
        Tenant tenant = tenant(request);
        ScorePeriod period = period(request, tenant);
        String rtId = request.pathParameter("rtId");
        RtScoreStore store = bean(RtScoreStore.class);
        RtScore s = store.rtScore(tenant.id(), period.id(), rtId).orElseThrow(() -> new DomainException(
                ErrorCode.NOT_FOUND, LocalizedText.of("Belum ada nilai RT ini untuk periode " + period.id() + ".",
                "No score for this RT in period " + period.id() + ".")));
        Locale locale = request.locale();
        Map<String, Object> body = header(tenant, period, store);
        body.putAll(summary(s));
        List<Map<String, Object>> breakdown = new ArrayList<>();
        for (ComponentScore c : s.components()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("label", label(c.type()).in(locale));
            line.putAll(AnalyticsExporter.componentLine(c));
            breakdown.add(line);
        }
        body.put("breakdown", breakdown);
        body.put("clampAdjustment", s.clampAdjustment());
        body.put("counts", counts(s.counts()));
        List<Map<String, Object>> trend = new ArrayList<>();
        for (RtScore t : store.trend(tenant.id(), rtId, period.id(), 12)) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("period", t.period());
            p.put("score", t.score());
            p.put("band", t.band());
            p.put("provisional", t.provisional());
            trend.add(p);
        }
        body.put("trend", trend);
        return ApiResponse.ok(body).withHeader("Cache-Control", CACHE);
    }

    ApiResponse areas(ApiRequest request) {
        Tenant tenant = tenant(request);
        ScorePeriod period = period(request, tenant);
        RtScoreStore store = bean(RtScoreStore.class);
        List<Map<String, Object>> kecamatan = new ArrayList<>();
        Map<String, Object> current = null;
        for (AreaStats a : store.areas(tenant.id(), period.id())) {
            if (a.isKecamatan()) {
                current = area(a.kecamatanCode(), a.kecamatanName(), a);
                current.put("kelurahan", new ArrayList<Map<String, Object>>());
                kecamatan.add(current);
            } else if (current != null && a.kecamatanCode().equals(current.get("code"))) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> list = (List<Map<String, Object>>) current.get("kelurahan");
                list.add(area(a.kelurahanCode(), a.kelurahanName(), a));
            }
        }
        Map<String, Object> body = header(tenant, period, store);
        body.put("kecamatan", kecamatan);
        return ApiResponse.ok(body).withHeader("Cache-Control", CACHE);
    }

    private static Map<String, Object> header(Tenant tenant, ScorePeriod period, RtScoreStore store) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant", tenant.id());
        body.put("period", period.id());
        var h = store.header(tenant.id(), period.id());
        body.put("status", h.map(RtScoreStore.PeriodHeader::status).orElse("NOT_SCORED"));
        body.put("computedAt", h.map(RtScoreStore.PeriodHeader::computedAt).orElse(null));
        return body;
    }

    private static Map<String, Object> summary(RtScore s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("rtId", s.rtId());
        row.put("kecamatanCode", s.kecamatanCode());
        row.put("kelurahanCode", s.kelurahanCode());
        row.put("kelurahanName", s.kelurahanName());
        row.put("score", s.score());
        row.put("band", s.band());
        row.put("incentiveRupiah", s.incentiveRupiah());
        row.put("provisional", s.provisional());
        return row;
    }

    private static Map<String, Object> area(String code, String name, AreaStats a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("name", name);
        m.put("complaintsReceived", a.received());
        m.put("complaintsResolved", a.resolved());
        m.put("medianHoursToResolve", a.medianResolveHours());
        m.put("overdue", a.overdue());
        return m;
    }

    private static Map<String, Object> counts(RtCounts k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("activitySubmitted", k.activitySubmitted());
        m.put("activityApproved", k.activityApproved());
        m.put("activityApprovedVerified", k.activityApprovedVerified());
        m.put("activityEligible", k.activityEligible());
        m.put("activityReturnedOrRejected", k.activityReturnedOrRejected());
        m.put("serviceSteps", k.serviceSteps());
        m.put("serviceStepsOnTime", k.serviceStepsOnTime());
        m.put("complaintsReceived", k.complaintsReceived());
        m.put("complaintsResolved", k.complaintsResolved());
        m.put("complaintsConfirmed", k.complaintsConfirmed());
        return m;
    }

    static LocalizedText label(ScoreComponentType type) {
        return switch (type) {
            case VERIFIED_ACTIVITY -> LocalizedText.of("Laporan kegiatan disetujui dengan geotag terverifikasi",
                    "Approved activity reports with a verified geotag");
            case SERVICE_TIMELINESS -> LocalizedText.of("Ketepatan waktu persetujuan permohonan layanan",
                    "Timeliness of service request approvals");
            case COMPLAINTS_RESOLVED -> LocalizedText.of("Pengaduan di wilayah RT yang selesai",
                    "Complaints in the RT's area resolved");
            case RETURNED_PENALTY -> LocalizedText.of("Pengurangan: laporan dikembalikan atau ditolak",
                    "Penalty: reports returned or rejected");
        };
    }
}
