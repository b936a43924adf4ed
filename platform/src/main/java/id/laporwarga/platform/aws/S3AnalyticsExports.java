package id.laporwarga.platform.aws;

import id.laporwarga.domain.port.AnalyticsExports;
import id.laporwarga.domain.scoring.AreaStats;
import id.laporwarga.domain.scoring.CaseExports;
import id.laporwarga.domain.scoring.ComponentScore;
import id.laporwarga.domain.scoring.RtScore;
import id.laporwarga.domain.scoring.ScorePeriod;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.domain.port.PeriodCases;
import jakarta.inject.Singleton;
import id.laporwarga.domain.port.RtScores;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes one tenant's period to the analytics bucket as gzip-compressed JSON Lines, Hive-partitioned:
 * <pre>
 * cases/tenant=&lt;id&gt;/month=&lt;yyyy-MM&gt;/cases.jsonl.gz        every case created in the month (CaseExportRecord)
 * rt_scores/tenant=&lt;id&gt;/month=&lt;yyyy-MM&gt;/rt_scores.jsonl.gz  the month's RT scores with their breakdown
 * area_stats/tenant=&lt;id&gt;/month=&lt;yyyy-MM&gt;/area_stats.jsonl.gz complaint figures per kecamatan/kelurahan
 * </pre>
 * Files are streamed through a temporary file (memory stays flat) and replace the previous export of the month, so
 * re-running is safe. Cases are mapped with {@link CaseExports}: the record type has no reporter field at all.
 */
@Singleton
public class S3AnalyticsExports implements AnalyticsExports {
    private static final JsonLog LOG = JsonLog.get(S3AnalyticsExports.class);
    private final PeriodCases queries;
    private final RtScores scores;
    private final S3Client s3;
    private final Json json;
    private final String bucket;

    public S3AnalyticsExports(PeriodCases queries, RtScores scores, S3Client s3, Json json,
                              FunctionEnvironment env) {
        this.queries = queries;
        this.scores = scores;
        this.s3 = s3;
        this.json = json;
        this.bucket = env.require(FunctionEnvironment.ANALYTICS_BUCKET);
    }

    @Override
    public String destination() {
        return bucket;
    }

    public static String key(String dataset, String tenantId, String period) {
        return dataset + "/tenant=" + tenantId + "/month=" + period + "/" + dataset + ".jsonl.gz";
    }

    @Override
    public Export export(Tenant tenant, ScorePeriod period) {
        long started = System.nanoTime();
        List<String> keys = new ArrayList<>();
        long[] cases = {0};
        String casesKey = key("cases", tenant.id(), period.id());
        upload(casesKey, out -> queries.forEachCase(tenant, List.of(period.id()), c -> {
            line(out, json.write(CaseExports.toRecord(c)));
            cases[0]++;
        }));
        keys.add(casesKey);

        List<RtScore> rtScores = scores.rtScores(tenant.id(), period.id());
        rtScores.sort((a, b) -> a.rtId().compareTo(b.rtId()));
        String scoresKey = key("rt_scores", tenant.id(), period.id());
        upload(scoresKey, out -> rtScores.forEach(s -> line(out, json.write(scoreRow(s)))));
        keys.add(scoresKey);

        List<AreaStats> areas = scores.areas(tenant.id(), period.id());
        String areasKey = key("area_stats", tenant.id(), period.id());
        upload(areasKey, out -> areas.forEach(a -> line(out, json.write(areaRow(a)))));
        keys.add(areasKey);

        LOG.info("export.done", "tenant", tenant.id(), "period", period.id(), "cases", cases[0],
                "rtScores", rtScores.size(), "durationMs", (System.nanoTime() - started) / 1_000_000);
        return new Export(tenant.id(), period.id(), cases[0], rtScores.size(), areas.size(), keys);
    }

    /** Flat columns for SQL (one points column per component) plus the breakdown as an array. */
    static Map<String, Object> scoreRow(RtScore s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tenantId", s.tenantId());
        m.put("period", s.period());
        m.put("rtId", s.rtId());
        m.put("kecamatanCode", s.kecamatanCode());
        m.put("kelurahanCode", s.kelurahanCode());
        m.put("kelurahanName", s.kelurahanName());
        m.put("score", s.score());
        m.put("band", s.band());
        m.put("incentiveRupiah", s.incentiveRupiah());
        m.put("provisional", s.provisional());
        m.put("active", s.active());
        m.put("clampAdjustment", s.clampAdjustment());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (ComponentScore c : s.components()) {
            m.put(c.type().name().toLowerCase(Locale.ROOT) + "_points", c.points());
            lines.add(componentLine(c));
        }
        m.put("components", lines);
        return m;
    }

    /** One component of a score's breakdown: raw value, cap, weight and the points it gave (export and public API). */
    public static Map<String, Object> componentLine(ComponentScore c) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("component", c.type().name());
        line.put("raw", c.raw());
        line.put("denominator", c.denominator());
        line.put("counted", c.counted());
        line.put("cap", c.cap());
        line.put("weight", c.weight());
        line.put("points", c.points());
        line.put("noData", c.noData());
        return line;
    }

    static Map<String, Object> areaRow(AreaStats a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tenantId", a.tenantId());
        m.put("period", a.period());
        m.put("level", a.isKecamatan() ? "KECAMATAN" : "KELURAHAN");
        m.put("kecamatanCode", a.kecamatanCode());
        m.put("kecamatanName", a.kecamatanName());
        m.put("kelurahanCode", a.kelurahanCode());
        m.put("kelurahanName", a.kelurahanName());
        m.put("complaintsReceived", a.received());
        m.put("complaintsResolved", a.resolved());
        m.put("medianHoursToResolve", a.medianResolveHours());
        m.put("overdue", a.overdue());
        m.put("rts", a.rts());
        m.put("activeRts", a.activeRts());
        return m;
    }

    private interface Body {
        void write(Writer out) throws IOException;
    }

    private void upload(String key, Body body) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("export-", ".jsonl.gz");
            try (Writer out = new BufferedWriter(new OutputStreamWriter(
                    new GZIPOutputStream(Files.newOutputStream(tmp), 64 * 1024), StandardCharsets.UTF_8))) {
                body.write(out);
            }
            s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/x-ndjson").contentEncoding("gzip"),
                    RequestBody.fromFile(tmp));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // /tmp is per container; nothing else to do
                }
            }
        }
    }

    private static void line(Writer out, String json) {
        try {
            out.write(json);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
