package id.laporwarga.benchmarks;

import id.laporwarga.analytics.AnalystCli;
import id.laporwarga.analytics.NamedQueries;
import id.laporwarga.analytics.ParquetConversion;
import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.port.RtScores;
import id.laporwarga.domain.report.Assignment;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Reporter;
import id.laporwarga.domain.scoring.AreaStats;
import id.laporwarga.domain.scoring.PeriodScores;
import id.laporwarga.domain.scoring.RtScore;
import id.laporwarga.domain.scoring.ScorePeriod;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.emulators.SamTemplate;
import id.laporwarga.platform.analytics.AnalyticsFiles;
import id.laporwarga.platform.json.Json;
import id.laporwarga.emulators.SampleTenants;
import id.laporwarga.platform.tenant.TenantDocuments;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.Month;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The analysts' export at 100,000 cases of one month: how long the export's file writer takes (what ExportFunction
 * does besides reading DynamoDB and uploading), how long the conversion to Parquet takes (DuckDB, as the local stack;
 * Athena's UNLOAD on AWS), the bytes on disk of the staging JSON Lines and of the Parquet copy, and the bytes DuckDB
 * reads to answer "complaints per agency per month" from each. Also the export function's Lambda package size
 * (target ≤ 25 MB; the JSON Lines writer adds nothing to it, the Parquet conversion runs outside the function).
 *
 * <p>Run: {@code ./lapor-bench analytics-export [cases=100000]}; {@code --smoke}: 5,000 cases.
 */
public final class AnalyticsExportBenchmark {
    static final double PACKAGE_TARGET_MIB = 25;
    static final String QUERY = "complaints_per_agency_month";
    private static final String TENANT = "kotamobagu";
    private static final List<String> AGENCIES = List.of("dlh", "satpolpp", "dishub", "pupr", "dinkes", "pdam", "pln");

    private AnalyticsExportBenchmark() {
    }

    public static void main(String[] args) {
        Bench.run(args, AnalyticsExportBenchmark::run);
    }

    private static int run(boolean smoke, String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : smoke ? 5_000 : 100_000;
        Path dir = Files.createTempDirectory("analytics-export-bench");
        try (ApplicationContext ctx = ApplicationContext.builder().start()) {
            Tenant tenant = TenantDocuments.parse(ctx.getBean(Json.class).tree(SampleTenants.document(TENANT)), TENANT);
            ScorePeriod period = ScorePeriod.parse("2026-10", tenant.zone());
            AnalyticsFiles files = new AnalyticsFiles(new GeneratedCases(cases), new NoScores(), ctx.getBean(Json.class));
            long t0 = System.nanoTime();
            AnalyticsFiles.Written written = files.write(tenant, period, (key, file) -> {
                Path target = dir.resolve(key);
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            });
            double exportSeconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            List<Path> parquet = ParquetConversion.convertFolder(dir);
            double conversionSeconds = (System.nanoTime() - t1) / 1e9;

            long jsonlBytes = Files.size(dir.resolve(AnalyticsFiles.key("cases", TENANT, period.id())));
            long parquetBytes = Files.size(parquet.get(0));
            String sql = NamedQueries.sql(QUERY);
            String stagingSql = sql.replace("FROM cases", "FROM cases_jsonl").replace("agency_id", "agencyId");
            Read fromParquet = read(dir, sql);
            Read fromJsonl = read(dir, stagingSql);
            if (!fromParquet.rows().equals(fromJsonl.rows())) {
                throw new IllegalStateException("Parquet and JSON Lines answer differently: " + fromParquet.rows()
                        + " vs " + fromJsonl.rows());
            }
            double packageMiB = exportPackageMiB();

            System.out.printf(Locale.ROOT, "analytics export of %,d cases (%s, one month)%n", written.cases(), TENANT);
            System.out.printf(Locale.ROOT, "%-44s %14s %14s%n", "", "JSON Lines", "Parquet");
            System.out.printf(Locale.ROOT, "%-44s %14s %14s%n", "write time (export writer / DuckDB conversion)",
                    String.format(Locale.ROOT, "%.2f s", exportSeconds), String.format(Locale.ROOT, "%.2f s", conversionSeconds));
            System.out.printf(Locale.ROOT, "%-44s %,14d %,14d%n", "bytes on disk (cases)", jsonlBytes, parquetBytes);
            System.out.printf(Locale.ROOT, "%-44s %,14d %,14d%n", "bytes read: " + QUERY, fromJsonl.bytes(),
                    fromParquet.bytes());
            System.out.printf(Locale.ROOT, "%-44s %14.1f %14.1f%n", "query time ms", fromJsonl.millis(), fromParquet.millis());
            System.out.printf(Locale.ROOT, "ExportFunction package: %.1f MiB (target ≤ %.0f MB: %s)%n", packageMiB,
                    PACKAGE_TARGET_MIB, packageMiB <= PACKAGE_TARGET_MIB ? "met" : "NOT met");
            Bench.figure("analytics-export.cases", written.cases(), "cases");
            Bench.figure("analytics-export.exportSeconds", exportSeconds, "s");
            Bench.figure("analytics-export.conversionSeconds", conversionSeconds, "s");
            Bench.figure("analytics-export.jsonlBytes", jsonlBytes, "bytes");
            Bench.figure("analytics-export.parquetBytes", parquetBytes, "bytes");
            Bench.figure("analytics-export.jsonlBytesRead", fromJsonl.bytes(), "bytes");
            Bench.figure("analytics-export.parquetBytesRead", fromParquet.bytes(), "bytes");
            Bench.figure("analytics-export.parquetReadShare", (double) fromParquet.bytes() / fromJsonl.bytes(), "ratio");
            Bench.figure("analytics-export.packageMiB", packageMiB, "MiB");
            return 0;
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A query's rows, the bytes DuckDB read for it (its profile's io.total_bytes_read) and its time. */
    record Read(List<List<String>> rows, long bytes, double millis) {
    }

    static Read read(Path dir, String sql) throws Exception {
        Path profile = Files.createTempFile("duckdb-profile", ".json");
        try (Connection db = AnalystCli.open(dir)) {
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA enable_profiling = 'json'");
                s.execute("PRAGMA profiling_output = '" + profile + "'");
            }
            List<List<String>> rows = new ArrayList<>();
            long t = System.nanoTime();
            try (PreparedStatement ps = db.prepareStatement(sql)) {
                ps.setString(1, TENANT);
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        List<String> row = new ArrayList<>();
                        for (int c = 1; c <= r.getMetaData().getColumnCount(); c++) {
                            row.add(r.getString(c));
                        }
                        rows.add(row);
                    }
                }
            }
            double millis = (System.nanoTime() - t) / 1e6;
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA disable_profiling");
            }
            String json = Files.readString(profile);
            int at = json.indexOf("\"total_bytes_read\"");
            if (at < 0) {
                throw new IllegalStateException("DuckDB's profile has no total_bytes_read: " + json);
            }
            String number = json.substring(json.indexOf(':', at) + 1).trim().split("[,}\\s]")[0];
            return new Read(rows, Long.parseLong(number), millis);
        } finally {
            Files.deleteIfExists(profile);
        }
    }

    /** ExportFunction's Lambda package (its module's jar and lib/, as the Makefile ships it), in MiB. */
    static double exportPackageMiB() throws IOException {
        SamTemplate template = SamTemplate.load(SamTemplate.findRepositoryTemplate());
        Path repo = template.path().getParent();
        Path module = ColdStartAllBenchmark.moduleOf(repo, template.function("ExportFunction").handlerClass());
        long bytes = ColdStartAllBenchmark.packageBytes(module)
                .orElseThrow(() -> new IllegalStateException("no Lambda package of " + module + ": mvn package first"));
        return bytes / 1024.0 / 1024.0;
    }

    /** Synthetic complaints, service requests and activity reports of October 2026, made one at a time. */
    static long generate(int n, Tenant tenant, java.util.function.Consumer<ReportCase> sink) {
        SplittableRandom random = new SplittableRandom(100_000);
        AreaRef area = new AreaRef("71.74.04", "Kotamobagu Barat", "71.74.04.1003", "Mogolaing",
                AreaRef.KelurahanMatch.INSIDE);
        for (int i = 0; i < n; i++) {
            Instant t = ZonedDateTime.of(2026, Month.OCTOBER.getValue(), 1 + random.nextInt(30), 8, random.nextInt(60),
                    0, 0, tenant.zone()).toInstant();
            CaseKind kind = i % 5 == 0 ? CaseKind.RT_ACTIVITY : i % 5 == 1 ? CaseKind.SERVICE_REQUEST : CaseKind.COMPLAINT;
            String agency = AGENCIES.get(random.nextInt(AGENCIES.size()));
            boolean external = agency.startsWith("p") && !agency.equals("pupr");
            ReportCase c = ReportCase.builder().caseId("case-" + i).tenantId(tenant.id()).timeZone(tenant.zone().getId())
                    .trackingCode("KOT-" + Integer.toString(i, 36).toUpperCase(Locale.ROOT)).kind(kind)
                    .category(kind == CaseKind.COMPLAINT ? "K" + random.nextInt(12) : "A" + random.nextInt(4))
                    .description("x").location(new GeoPoint(0.73 + random.nextDouble() / 100, 124.31))
                    .area(area).rtId("RT-" + random.nextInt(400)).privacy(Privacy.PUBLIC)
                    .reporter(new Reporter("Warga", "+628120000000", null)).status(CaseStatus.TRIAGE).submittedAt(t)
                    .assignment(kind == CaseKind.COMPLAINT ? new Assignment(agency, agency.toUpperCase(Locale.ROOT),
                            external, t.plusSeconds(600), t.plus(Duration.ofDays(2)), List.of()) : null)
                    .overdue(random.nextInt(10) == 0).citizenSecretHash("h").requestHash("r").build();
            if (kind == CaseKind.COMPLAINT) {
                c = c.transition(external ? CaseStatus.REFERRED_EXTERNAL : CaseStatus.ROUTED, "route", "system",
                        "SYSTEM", null, t.plusSeconds(600), null);
                if (!external && random.nextBoolean()) {
                    c = c.transition(CaseStatus.RESOLVED, "resolve", "staff", "AGENCY_STAFF", null,
                            t.plus(Duration.ofHours(1 + random.nextInt(48))), null);
                }
            }
            sink.accept(c);
        }
        return n;
    }

    /** The export of a month nobody scored: no RT scores, no area figures. */
    /** The export's cases: {@code n} generated ones for whichever months it reads. */
    record GeneratedCases(int n) implements id.laporwarga.domain.port.PeriodCases {
        @Override
        public long forEachCase(Tenant tenant, List<String> periods, java.util.function.Consumer<ReportCase> sink) {
            return generate(n, tenant, sink);
        }

        @Override
        public long forEachCreated(Tenant tenant, java.time.Instant from, java.time.Instant toExclusive,
                                   id.laporwarga.domain.report.CaseKind kind,
                                   id.laporwarga.domain.report.CaseStatus status,
                                   java.util.function.Consumer<ReportCase> sink) {
            throw new UnsupportedOperationException("the export reads whole months only");
        }
    }

    static final class NoScores implements RtScores {
        @Override
        public boolean save(PeriodScores scores, Instant computedAt) {
            return false;
        }

        @Override
        public Optional<PeriodHeader> header(String tenantId, String period) {
            return Optional.empty();
        }

        @Override
        public List<RtScore> rtScores(String tenantId, String period) {
            return List.of();
        }

        @Override
        public Optional<RtScore> rtScore(String tenantId, String period, String rtId) {
            return Optional.empty();
        }

        @Override
        public List<RtScore> trend(String tenantId, String rtId, String period, int limit) {
            return List.of();
        }

        @Override
        public List<AreaStats> areas(String tenantId, String period) {
            return List.of();
        }
    }
}
