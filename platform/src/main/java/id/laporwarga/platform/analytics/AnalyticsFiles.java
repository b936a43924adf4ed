package id.laporwarga.platform.analytics;

import id.laporwarga.domain.port.PeriodCases;
import id.laporwarga.domain.port.RtScores;
import id.laporwarga.domain.scoring.AreaStats;
import id.laporwarga.domain.scoring.CaseExports;
import id.laporwarga.domain.scoring.ComponentScore;
import id.laporwarga.domain.scoring.RtScore;
import id.laporwarga.domain.scoring.ScoreComponentType;
import id.laporwarga.domain.scoring.ScorePeriod;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.platform.json.Json;
import jakarta.inject.Singleton;
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

/**
 * The analysts' files of one tenant's period, as gzip-compressed JSON Lines, Hive-partitioned (no AWS here; the S3
 * adapter uploads what this writes, the analyst tool and the tests write into a folder):
 * <pre>
 * cases/tenant=&lt;id&gt;/month=&lt;yyyy-MM&gt;/cases.jsonl.gz            every case created in the month (CaseExportRecord)
 * rt_scores/tenant=&lt;id&gt;/month=&lt;yyyy-MM&gt;/rt_scores.jsonl.gz    the month's RT scores with their breakdown
 * area_stats/tenant=&lt;id&gt;/month=&lt;yyyy-MM&gt;/area_stats.jsonl.gz  complaint figures per kecamatan/kelurahan
 * </pre>
 * These are the staging files; the columnar copies analysts query are Parquet files under
 * {@code parquet/<dataset>/tenant=<id>/month=<yyyy-MM>/}, written from them by the conversion SQL (Athena UNLOAD on
 * AWS, DuckDB locally: docs/analytics.md). Cases are mapped with {@link CaseExports}: the record type has no reporter
 * field at all. Each file streams through a temporary file, so memory stays flat.
 */
@Singleton
public class AnalyticsFiles {
    /** The datasets, in the order they are written. */
    public static final List<String> DATASETS = List.of("cases", "rt_scores", "area_stats");
    /** Where the Parquet copies live in the analytics bucket. */
    public static final String PARQUET_ROOT = "parquet/";

    /** Receives each written file (a temporary file, deleted after the call) under its key. */
    public interface Sink {
        void accept(String key, Path gzipJsonLines) throws IOException;
    }

    /** What one period's export wrote. */
    public record Written(long cases, int rtScores, int areas, List<String> keys) {
    }

    private final PeriodCases queries;
    private final RtScores scores;
    private final Json json;

    public AnalyticsFiles(PeriodCases queries, RtScores scores, Json json) {
        this.queries = queries;
        this.scores = scores;
        this.json = json;
    }

    /** The staging (JSON Lines) key of a dataset's period. */
    public static String key(String dataset, String tenantId, String period) {
        return partition(dataset, tenantId, period) + dataset + ".jsonl.gz";
    }

    /** The folder of a dataset's period in the Parquet tree, e.g. {@code parquet/cases/tenant=x/month=2026-10/}. */
    public static String parquetPrefix(String dataset, String tenantId, String period) {
        return PARQUET_ROOT + partition(dataset, tenantId, period);
    }

    private static String partition(String dataset, String tenantId, String period) {
        return dataset + "/tenant=" + tenantId + "/month=" + period + "/";
    }

    /** Writes the three files of the period to {@code sink}. */
    public Written write(Tenant tenant, ScorePeriod period, Sink sink) {
        List<String> keys = new ArrayList<>();
        long[] cases = {0};
        String casesKey = key("cases", tenant.id(), period.id());
        file(casesKey, sink, out -> queries.forEachCase(tenant, List.of(period.id()), c -> {
            line(out, json.write(CaseExports.toRecord(c)));
            cases[0]++;
        }));
        keys.add(casesKey);

        List<RtScore> rtScores = new ArrayList<>(scores.rtScores(tenant.id(), period.id()));
        rtScores.sort((a, b) -> a.rtId().compareTo(b.rtId()));
        String scoresKey = key("rt_scores", tenant.id(), period.id());
        file(scoresKey, sink, out -> rtScores.forEach(s -> line(out, json.write(scoreRow(s)))));
        keys.add(scoresKey);

        List<AreaStats> areas = scores.areas(tenant.id(), period.id());
        String areasKey = key("area_stats", tenant.id(), period.id());
        file(areasKey, sink, out -> areas.forEach(a -> line(out, json.write(areaRow(a)))));
        keys.add(areasKey);
        return new Written(cases[0], rtScores.size(), areas.size(), keys);
    }

    /**
     * Flat columns for SQL (one points column per component, the counted verified activities) plus the breakdown as
     * an array.
     */
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
        long verified = 0;
        List<Map<String, Object>> lines = new ArrayList<>();
        for (ComponentScore c : s.components()) {
            m.put(c.type().name().toLowerCase(Locale.ROOT) + "_points", c.points());
            if (c.type() == ScoreComponentType.VERIFIED_ACTIVITY) {
                verified = c.raw();
            }
            lines.add(componentLine(c));
        }
        m.put("verifiedActivities", verified);
        m.put("components", lines);
        return m;
    }

    /** One component of a score's breakdown: raw value, cap, weight and the points it gave. */
    static Map<String, Object> componentLine(ComponentScore c) {
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

    private static void file(String key, Sink sink, Body body) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("export-", ".jsonl.gz");
            try (Writer out = new BufferedWriter(new OutputStreamWriter(
                    new GZIPOutputStream(Files.newOutputStream(tmp), 64 * 1024), StandardCharsets.UTF_8))) {
                body.write(out);
            }
            sink.accept(key, tmp);
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
