package id.laporwarga.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.memory.MemoryRoster;
import id.laporwarga.domain.memory.MemoryWorld;
import id.laporwarga.domain.port.RtScores;
import id.laporwarga.domain.report.Assignment;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.PhotoCheck;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Reporter;
import id.laporwarga.domain.report.Verdict;
import id.laporwarga.domain.scoring.AreaStats;
import id.laporwarga.domain.scoring.ScorePeriod;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.function.scorert.ScoreRtRequest;
import id.laporwarga.function.scorert.ScoreRtService;
import id.laporwarga.platform.analytics.AnalyticsFiles;
import id.laporwarga.platform.testing.MemoryContext;
import id.laporwarga.platform.testing.SampleTenant;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every named query over the Parquet files of a real export (the export's own file writer over the in-memory ports,
 * the score run of score-rt, the conversion SQL in DuckDB) returns the figures this test counts itself from the
 * cases it created: two months of complaints (routed, resolved, closed, referred, rejected, overdue), service
 * requests through the RT and kelurahan tiers, and RT activity reports with good and doubtful photos.
 */
class NamedQueriesTest {
    static final String TENANT = "kotamobagu";
    static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-05T00:00:00Z"), ZoneOffset.UTC);
    static final List<YearMonth> MONTHS = List.of(YearMonth.of(2026, 9), YearMonth.of(2026, 10));
    static final List<AreaRef> KELURAHAN = List.of(
            new AreaRef("71.74.04", "Kotamobagu Barat", "71.74.04.1003", "Mogolaing", AreaRef.KelurahanMatch.INSIDE),
            new AreaRef("71.74.04", "Kotamobagu Barat", "71.74.04.1004", "Gogagoman", AreaRef.KelurahanMatch.INSIDE),
            new AreaRef("71.74.01", "Kotamobagu Utara", "71.74.01.1005", "Biga", AreaRef.KelurahanMatch.INSIDE));
    static final List<String> AGENCIES = List.of("dlh", "satpolpp", "dishub");
    static final List<String> CATEGORIES = List.of("SAMPAH", "KETERTIBAN", "PARKIR", "JALAN_RUSAK", "AIR", "LISTRIK");

    @TempDir
    static Path dir;
    static final List<ReportCase> CASES = new ArrayList<>();
    static final int ROSTERED_RTS = 14;
    static RtScores SCORES;
    static ApplicationContext context;

    @BeforeAll
    static void exportTwoMonths() throws Exception {
        MemoryWorld world = new MemoryWorld(SampleTenant.kotamobagu());
        // RT-1 .. RT-14 are rostered (RT-13 and RT-14 file nothing: inactive every month)
        for (int i = 1; i <= ROSTERED_RTS; i++) {
            AreaRef kel = area("RT-" + i);
            world.roster.add(MemoryRoster.rt(TENANT, "RT-" + i, kel.kecamatanCode(), kel.kelurahanCode(),
                    kel.kelurahanName()));
        }
        SCORES = world.scores;
        Random random = new Random(16);
        int n = 0;
        for (YearMonth month : MONTHS) {
            for (int i = 0; i < 90; i++) {
                Instant t = LocalDateTime.of(month.getYear(), month.getMonth(), 1 + random.nextInt(27),
                        7 + random.nextInt(10), random.nextInt(60)).atZone(WITA).toInstant();
                String rt = "RT-" + (1 + random.nextInt(12));
                ReportCase c = switch (i % 3) {
                    case 0 -> complaint("c" + n, t, rt, random);
                    case 1 -> serviceRequest("c" + n, t, rt, random);
                    default -> activity("c" + n, t, rt, random);
                };
                CASES.add(c);
                world.cases.put(c);
                n++;
            }
        }
        context = MemoryContext.of(world, CLOCK).start();
        Tenant tenant = world.tenants.find(TENANT).orElseThrow();
        AnalyticsFiles files = context.getBean(AnalyticsFiles.class);
        for (YearMonth month : MONTHS) {
            context.getBean(ScoreRtService.class).run(new ScoreRtRequest(TENANT, month.toString(), ScoreRtRequest.CLOSE));
            files.write(tenant, ScorePeriod.parse(month.toString(), WITA), (key, file) -> {
                Path target = dir.resolve(key);
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            });
        }
        assertEquals(6, ParquetConversion.convertFolder(dir).size());
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    /** Rank (1-based) of the p-th percentile by nearest rank: the value DuckDB's quantile_disc returns. */
    static long nearestRank(List<Long> values, double p) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.ceil(p * sorted.size()) - 1);
    }

    static String month(ReportCase c) {
        return YearMonth.from(c.createdAt().atZone(WITA)).toString();
    }

    static List<List<String>> run(String name) throws Exception {
        List<List<String>> rows = new AnalystCli(System.out, System.err).query(dir, NamedQueries.sql(name), TENANT);
        return rows.subList(1, rows.size());
    }

    static long count(Predicate<ReportCase> p) {
        return CASES.stream().filter(p).count();
    }

    static boolean resolved(ReportCase c) {
        return c.status() == CaseStatus.RESOLVED || c.status() == CaseStatus.CLOSED;
    }

    @Test
    void complaintsPerAgencyAndMonth() throws Exception {
        Map<String, List<String>> expected = new TreeMap<>();
        for (ReportCase c : CASES) {
            if (c.kind() == CaseKind.COMPLAINT) {
                String agency = c.assignment() == null ? "-" : c.assignment().agencyId();
                expected.computeIfAbsent(month(c) + "|" + agency, k -> {
                    Predicate<ReportCase> same = x -> x.kind() == CaseKind.COMPLAINT && month(x).equals(month(c))
                            && agency.equals(x.assignment() == null ? "-" : x.assignment().agencyId());
                    return List.of(month(c), agency, "" + count(same), "" + count(same.and(NamedQueriesTest::resolved)),
                            "" + count(same.and(x -> x.status() == CaseStatus.REFERRED_EXTERNAL)));
                });
            }
        }
        assertEquals(List.copyOf(expected.values()), run("complaints_per_agency_month"));
        assertTrue(expected.keySet().stream().anyMatch(k -> k.endsWith("|pdam")), "PDAM referrals are in the data");
    }

    @Test
    void complaintsPerMonth() throws Exception {
        List<List<String>> expected = new ArrayList<>();
        for (YearMonth m : MONTHS) {
            Predicate<ReportCase> complaint = c -> c.kind() == CaseKind.COMPLAINT && month(c).equals(m.toString());
            long referred = count(complaint.and(c -> c.status() == CaseStatus.REFERRED_EXTERNAL));
            long resolved = count(complaint.and(NamedQueriesTest::resolved));
            long all = count(complaint);
            expected.add(List.of(m.toString(), "" + all, "" + resolved, "" + referred, "" + (all - resolved - referred)));
        }
        assertEquals(expected, run("complaints_per_month"));
    }

    @Test
    void topCategories() throws Exception {
        Map<List<String>, Long> counts = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        CASES.forEach(c -> counts.merge(List.of(c.kind().name(), c.category()), 1L, Long::sum));
        List<List<String>> expected = counts.entrySet().stream()
                .sorted(Map.Entry.<List<String>, Long>comparingByValue().reversed()
                        .thenComparing(e -> e.getKey().get(0)).thenComparing(e -> e.getKey().get(1)))
                .limit(10).map(e -> List.of(e.getKey().get(0), e.getKey().get(1), "" + e.getValue())).toList();
        assertEquals(expected, run("top_categories"));
    }

    @Test
    void serviceTimesPerTierAreTheMedianAndP90OfEachTiersCompletedStays() throws Exception {
        Map<String, List<Long>> minutes = new TreeMap<>();
        for (ReportCase c : CASES) {
            if (c.kind() != CaseKind.SERVICE_REQUEST) {
                continue;
            }
            List<HistoryEntry> h = c.history();
            Instant rtLeft = h.size() > 1 ? h.get(1).at() : null;
            if (rtLeft != null) {
                minutes.computeIfAbsent(month(c) + "|1 RT", k -> new ArrayList<>())
                        .add(Duration.between(h.get(0).at(), rtLeft).toMinutes());
            }
            if (h.size() > 2 && h.get(1).to() == CaseStatus.KELURAHAN_PROCESSING) {
                minutes.computeIfAbsent(month(c) + "|2 KELURAHAN", k -> new ArrayList<>())
                        .add(Duration.between(rtLeft, h.get(2).at()).toMinutes());
                if (h.get(2).to() == CaseStatus.KECAMATAN_ISSUED) {
                    minutes.computeIfAbsent(month(c) + "|RT TO KECAMATAN", k -> new ArrayList<>())
                            .add(Duration.between(h.get(0).at(), h.get(2).at()).toMinutes());
                }
            }
        }
        List<List<String>> expected = minutes.entrySet().stream().map(e -> List.of(e.getKey().split("\\|")[0],
                e.getKey().split("\\|")[1], "" + e.getValue().size(), "" + nearestRank(e.getValue(), 0.5),
                "" + nearestRank(e.getValue(), 0.9))).toList();
        assertEquals(expected, run("service_times_per_tier"));
        assertEquals(6, expected.size(), "RT, kelurahan and RT-to-kecamatan in both months: " + expected);
    }

    @Test
    void shareOfActiveRtsPerKelurahan() throws Exception {
        // the roster's RTs per kelurahan and score-rt's count of the active ones, as the scoring stored them
        List<List<String>> expected = new ArrayList<>();
        for (YearMonth m : MONTHS) {
            SCORES.areas(TENANT, m.toString()).stream().filter(a -> !a.isKecamatan() && a.rts() > 0)
                    .sorted(Comparator.comparing(AreaStats::kecamatanCode).thenComparing(AreaStats::kelurahanCode))
                    .forEach(a -> expected.add(List.of(m.toString(), a.kecamatanCode(), a.kelurahanCode(),
                            a.kelurahanName(), "" + a.rts(), "" + a.activeRts(),
                            "" + Math.round(a.activeRts() * 1000.0 / a.rts()) / 10.0)));
        }
        assertEquals(MONTHS.size() * KELURAHAN.size(), expected.size(), "every kelurahan has rostered RTs: " + expected);
        assertEquals(ROSTERED_RTS * MONTHS.size(), expected.stream().mapToInt(r -> Integer.parseInt(r.get(4))).sum());
        assertTrue(expected.stream().anyMatch(r -> !r.get(4).equals(r.get(5))), "some RTs are inactive: " + expected);
        assertTrue(expected.stream().anyMatch(r -> !r.get(5).equals("0")), "some RTs are active: " + expected);
        assertEquals(expected, run("active_rt_share"));
    }

    @Test
    void overduePerAgency() throws Exception {
        Map<String, List<String>> expected = new TreeMap<>();
        for (ReportCase c : CASES) {
            if (c.assignment() != null) {
                String agency = c.assignment().agencyId();
                Predicate<ReportCase> same = x -> x.assignment() != null && month(x).equals(month(c))
                        && agency.equals(x.assignment().agencyId());
                long routed = count(same);
                long overdue = count(same.and(ReportCase::overdue));
                expected.put(month(c) + "|" + agency, List.of(month(c), agency, "" + routed, "" + overdue,
                        "" + Math.round(overdue * 1000.0 / routed) / 10.0));
            }
        }
        assertEquals(List.copyOf(expected.values()), run("overdue_per_agency"));
    }

    @Test
    void theParquetFilesHoldNoReporterColumnAndEveryQueryIsListed() throws Exception {
        try (Connection db = AnalystCli.open(dir); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT DISTINCT name FROM parquet_schema('"
                     + dir.resolve("parquet/cases").toAbsolutePath() + "/*/*/*.parquet')")) {
            List<String> columns = new ArrayList<>();
            while (r.next()) {
                columns.add(r.getString(1).toLowerCase(Locale.ROOT));
            }
            assertTrue(columns.containsAll(List.of("case_id", "agency_id", "rt_tier_minutes")), columns.toString());
            for (String column : columns) {
                assertFalse(column.contains("reporter") || column.contains("phone") || column.contains("name")
                        && !column.endsWith("_name") || column.contains("description") || column.contains("secret")
                        || column.contains("key"), column);
            }
        }
        for (String name : NamedQueries.NAMES) {
            assertFalse(NamedQueries.description(name).isBlank(), name);
        }
    }

    // ---------------------------------------------------------------- the cases

    static AreaRef area(String rt) {
        return KELURAHAN.get(Integer.parseInt(rt.substring(3)) % KELURAHAN.size());
    }

    static Optional<Instant> approvedAt(ReportCase c) {
        return c.history().stream().filter(h -> h.to() == CaseStatus.APPROVED).map(HistoryEntry::at).findFirst();
    }

    static ReportCase.Builder base(String id, Instant t, String rt, CaseKind kind, String category) {
        return ReportCase.builder().caseId(id).tenantId(TENANT).timeZone(WITA.getId()).trackingCode("KOT-" + id)
                .kind(kind).category(category).description("Uji").location(new GeoPoint(0.7329, 124.3058))
                .area(area(rt)).rtId(rt).privacy(id.hashCode() % 7 == 0 ? Privacy.CONFIDENTIAL : Privacy.PUBLIC)
                .reporter(new Reporter("Warga", "+6281200000000", null)).citizenSecretHash("h")
                .requestHash("r");
    }

    static ReportCase complaint(String id, Instant t, String rt, Random random) {
        int outcome = random.nextInt(6);
        String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
        if (outcome == 5) {
            return base(id, t, rt, CaseKind.COMPLAINT, category).status(CaseStatus.AWAITING_PHOTOS).submittedAt(t).build()
                    .transition(CaseStatus.REJECTED, "verify-geotag", "system", "SYSTEM", null, t.plusSeconds(5), null);
        }
        boolean external = outcome == 4;
        String agency = external ? (random.nextBoolean() ? "pdam" : "pln") : AGENCIES.get(random.nextInt(AGENCIES.size()));
        Instant routed = t.plusSeconds(600);
        ReportCase c = base(id, t, rt, CaseKind.COMPLAINT, category).status(CaseStatus.TRIAGE).submittedAt(t)
                .assignment(new Assignment(agency, agency.toUpperCase(Locale.ROOT), external, routed,
                        routed.plus(Duration.ofDays(2)), List.of()))
                .overdue(outcome == 0 && random.nextBoolean()).build();
        if (external) {
            return c.transition(CaseStatus.REFERRED_EXTERNAL, "route", "system", "SYSTEM", null, routed, null);
        }
        c = c.transition(CaseStatus.ROUTED, "route", "system", "SYSTEM", null, routed, null);
        if (outcome >= 2) {
            c = c.transition(CaseStatus.RESOLVED, "resolve", "staff", "AGENCY_STAFF", null,
                    routed.plus(Duration.ofHours(1 + random.nextInt(48))), null);
        }
        return outcome == 3 ? c.transition(CaseStatus.CLOSED, "confirm", "warga", "CITIZEN", null,
                c.updatedAt().plus(Duration.ofHours(3)), null) : c;
    }

    static ReportCase serviceRequest(String id, Instant t, String rt, Random random) {
        ReportCase c = base(id, t, rt, CaseKind.SERVICE_REQUEST, "SURAT_PENGANTAR").status(CaseStatus.RT_APPROVAL)
                .submittedAt(t).build();
        int stage = random.nextInt(5);
        if (stage == 0) {
            return c; // still with the RT
        }
        Instant approved = t.plus(Duration.ofMinutes(5 + random.nextInt(40)));
        c = c.transition(CaseStatus.KELURAHAN_PROCESSING, "approve", "ketua-rt", "RT_HEAD", null, approved, null);
        return stage == 1 ? c : c.transition(CaseStatus.KECAMATAN_ISSUED, "issue", "lurah", "KELURAHAN", null,
                approved.plus(Duration.ofMinutes(10 + random.nextInt(50))), null);
    }

    static ReportCase activity(String id, Instant t, String rt, Random random) {
        Verdict verdict = random.nextInt(4) == 0 ? Verdict.NEEDS_REVIEW : Verdict.PASS;
        Photo photo = new Photo("p1", "image/jpeg", 1000, "photos/" + TENANT + "/" + id + "/p1.jpg",
                new PhotoCheck(verdict, null, new GeoPoint(0.7329, 124.3058), 12.0, t, 4096, t));
        ReportCase c = base(id, t, rt, CaseKind.RT_ACTIVITY, "GOTONG_ROYONG").photos(List.of(photo))
                .status(CaseStatus.KELURAHAN_REVIEW).submittedAt(t).build();
        return random.nextInt(3) == 0 ? c : c.transition(CaseStatus.APPROVED, "approve", "lurah", "KELURAHAN", null,
                t.plus(Duration.ofHours(2)), null);
    }
}
