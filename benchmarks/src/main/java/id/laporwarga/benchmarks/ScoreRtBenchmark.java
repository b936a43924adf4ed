package id.laporwarga.benchmarks;

import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.PhotoCheck;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.roster.RosterEntry;
import id.laporwarga.domain.report.Verdict;
import id.laporwarga.domain.scoring.PeriodScores;
import id.laporwarga.domain.scoring.RtScoreEngine;
import id.laporwarga.domain.scoring.ScorePeriod;
import id.laporwarga.domain.scoring.ScoringPolicy;
import id.laporwarga.domain.time.IndonesianTime;
import id.laporwarga.domain.time.WorkingCalendar;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Scores one period of synthetic cases for 5,000 RTs at 10k, 100k and 1M reports and prints time and heap.
 * Cases are generated on the fly and handed to the engine one at a time, as the Lambda reads them page by page, so
 * the figures show what the engine itself keeps. Targets: 1M reports in at most 60 s with at most 512 MB of heap.
 *
 * <p>Run: {@code ./lapor-bench score-rt [sizes...] [--rts=N]} (a 512 MB heap; default sizes {@code 10000 100000
 * 1000000}, 5000 RTs); {@code --smoke}: 20,000 reports for 500 RTs after a small warm-up.
 */
public final class ScoreRtBenchmark {
    static final double TARGET_SECONDS_PER_MILLION = 60;
    private static final ScorePeriod PERIOD = ScorePeriod.parse("2026-10", IndonesianTime.WITA);
    private static final int KECAMATAN = 4;
    private static final int KELURAHAN_PER_KECAMATAN = 10;

    private ScoreRtBenchmark() {
    }

    /** The figures of one size. */
    private record Measured(int reports, long nanos, double peakHeapMb) {
    }

    public static void main(String[] args) {
        Bench.run(args, ScoreRtBenchmark::run);
    }

    private static int run(boolean smoke, String[] args) {
        List<Integer> sizes = new ArrayList<>();
        int rts = smoke ? 500 : 5000;
        for (String a : args) {
            if (a.startsWith("--rts=")) {
                rts = Integer.parseInt(a.substring(6));
            } else {
                sizes.add(Integer.parseInt(a.replace("_", "")));
            }
        }
        if (sizes.isEmpty()) {
            sizes = smoke ? List.of(20_000) : List.of(10_000, 100_000, 1_000_000);
        }
        System.out.printf(Locale.ROOT, "score-rt benchmark: %d RTs, max heap %d MB, %s%n", rts,
                Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.vm.name") + " "
                        + Runtime.version());
        // warm-up (JIT), not reported; the figures below include generating the synthetic cases
        run(smoke ? 20_000 : 200_000, rts, false);
        System.out.printf(Locale.ROOT, "%12s %8s %10s %12s %14s %14s %10s%n", "reports", "RTs", "time ms",
                "ns/report", "peak heap MB", "live heap MB", "cases/s");
        Measured largest = null;
        for (int size : sizes) {
            Measured m = run(size, rts, true);
            if (largest == null || m.reports() >= largest.reports()) {
                largest = m;
            }
        }
        // the largest size run, projected to a million reports (the engine is linear in the reports)
        double secondsPerMillion = largest.nanos() / 1e9 * 1_000_000 / largest.reports();
        System.out.printf(Locale.ROOT, "1M reports in %.1f s (from %,d); target <= %.0f s: %s%n", secondsPerMillion,
                largest.reports(), TARGET_SECONDS_PER_MILLION,
                secondsPerMillion <= TARGET_SECONDS_PER_MILLION ? "met" : "MISSED");
        Bench.figure("score-rt.reports", largest.reports(), "reports");
        Bench.figure("score-rt.secondsPerMillion", secondsPerMillion, "s");
        Bench.figure("score-rt.peakHeapMb", largest.peakHeapMb(), "MB");
        return 0;
    }

    private static Measured run(int reports, int rts, boolean print) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        WorkingCalendar calendar = new WorkingCalendar(IndonesianTime.WITA, List.of());
        RtScoreEngine engine = new RtScoreEngine(ScoringPolicy.defaults(), calendar);
        long start = System.nanoTime();
        Generator generator = new Generator(rts, 42);
        RtScoreEngine.Run run = engine.start("bench", PERIOD, PERIOD.end().plus(Duration.ofDays(1)),
                generator.roster());
        for (int i = 0; i < reports; i++) {
            run.accept(generator.next(i));
        }
        PeriodScores scores = run.finish();
        long nanos = System.nanoTime() - start;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.gc();
        long live = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        if (scores.rtScores().isEmpty()) {
            throw new IllegalStateException("nothing scored");
        }
        if (print) {
            System.out.printf(Locale.ROOT, "%,12d %8d %10d %12d %14.1f %14.1f %,10d%n", reports, scores.rtScores().size(),
                    nanos / 1_000_000, nanos / reports, peak / 1048576.0, live / 1048576.0,
                    (long) (reports / (nanos / 1e9)));
        }
        return new Measured(reports, nanos, peak / 1048576.0);
    }

    /**
     * Deterministic synthetic cases of one tenant (created in 2026-10, WITA): 50% RT activity, 20% service requests,
     * 30% complaints, spread over the month and over the given areas.
     */
    static final class Generator {
        private final int rts;
        private final SplittableRandom random;
        private final Instant monthStart = PERIOD.start();
        private final String tenantId;
        private final String idPrefix;
        private final AreaRef[] areas;

        Generator(int rts, long seed) {
            this(rts, seed, "bench", syntheticAreas(), "c");
        }

        /** Cases of {@code tenantId} in its real areas (ids {@code <tenantId>-c<i>}). */
        Generator(int rts, long seed, String tenantId, List<AreaRef> areas) {
            this(rts, seed, tenantId, areas, tenantId + "-c");
        }

        private Generator(int rts, long seed, String tenantId, List<AreaRef> areas, String idPrefix) {
            if (areas.isEmpty()) {
                throw new IllegalArgumentException("no areas for " + tenantId);
            }
            this.rts = rts;
            this.random = new SplittableRandom(seed);
            this.tenantId = tenantId;
            this.idPrefix = idPrefix;
            this.areas = areas.toArray(AreaRef[]::new);
        }

        private static List<AreaRef> syntheticAreas() {
            List<AreaRef> out = new ArrayList<>();
            for (int k = 0; k < KECAMATAN; k++) {
                for (int l = 0; l < KELURAHAN_PER_KECAMATAN; l++) {
                    out.add(new AreaRef("71.74.0" + (k + 1), "Kecamatan " + (k + 1),
                            "71.74.0" + (k + 1) + ".10" + String.format("%02d", l), "Kelurahan " + l,
                            AreaRef.KelurahanMatch.INSIDE));
                }
            }
            return out;
        }

        /** The roster of the {@code rts} RTs, each in the kelurahan its reports are in. */
        List<RosterEntry> roster() {
            List<RosterEntry> out = new ArrayList<>(rts);
            for (int rt = 0; rt < rts; rt++) {
                AreaRef a = areas[rt % areas.length];
                out.add(new RosterEntry("bench", "RT-" + rt, "001", "001", a.kecamatanCode(), a.kecamatanName(),
                        a.kelurahanCode(), a.kelurahanName(), true, null));
            }
            return out;
        }

        ReportCase next(int i) {
            int rt = random.nextInt(rts);
            String rtId = "RT-" + rt;
            AreaRef area = areas[rt % areas.length];
            Instant created = monthStart.plusSeconds(random.nextLong(30L * 24 * 3600));
            int kindRoll = random.nextInt(10);
            CaseKind kind = kindRoll < 5 ? CaseKind.RT_ACTIVITY : kindRoll < 7 ? CaseKind.SERVICE_REQUEST : CaseKind.COMPLAINT;
            List<HistoryEntry> history = new ArrayList<>(5);
            List<Photo> photos = List.of();
            CaseStatus status;
            switch (kind) {
                case RT_ACTIVITY -> {
                    Verdict verdict = random.nextInt(10) == 0 ? Verdict.NEEDS_REVIEW : Verdict.PASS;
                    photos = List.of(new Photo("p1", "image/jpeg", 900_000, "photos/bench/" + i + "/p1.jpg",
                            new PhotoCheck(verdict, null, new GeoPoint(0.73, 124.31), 25.0, created, 65_536, created)));
                    history.add(new HistoryEntry(created, "rt" + rt, "RT_HEAD", "submit", null, CaseStatus.AWAITING_PHOTOS, null));
                    Instant t = created.plusSeconds(600);
                    history.add(new HistoryEntry(t, "system", "SYSTEM", "verify", CaseStatus.AWAITING_PHOTOS,
                            CaseStatus.KELURAHAN_REVIEW, null));
                    t = t.plusSeconds(3600 + random.nextInt(86_400));
                    if (random.nextInt(8) == 0) {
                        history.add(new HistoryEntry(t, "lurah", "KELURAHAN", "return", CaseStatus.KELURAHAN_REVIEW,
                                CaseStatus.RETURNED, "foto kurang jelas"));
                        status = CaseStatus.RETURNED;
                    } else {
                        history.add(new HistoryEntry(t, "lurah", "KELURAHAN", "approve", CaseStatus.KELURAHAN_REVIEW,
                                CaseStatus.APPROVED, null));
                        status = CaseStatus.APPROVED;
                    }
                }
                case SERVICE_REQUEST -> {
                    history.add(new HistoryEntry(created, "warga", "CITIZEN", "submit", null, CaseStatus.RT_APPROVAL, null));
                    Instant t = created.plusSeconds(random.nextLong(5L * 24 * 3600));
                    history.add(new HistoryEntry(t, "rt" + rt, "RT_HEAD", "approve", CaseStatus.RT_APPROVAL,
                            CaseStatus.KELURAHAN_PROCESSING, null));
                    history.add(new HistoryEntry(t.plusSeconds(86_400), "lurah", "KELURAHAN", "forward",
                            CaseStatus.KELURAHAN_PROCESSING, CaseStatus.KECAMATAN_ISSUED, null));
                    status = CaseStatus.KECAMATAN_ISSUED;
                }
                default -> {
                    history.add(new HistoryEntry(created, "warga", "CITIZEN", "submit", null, CaseStatus.TRIAGE, null));
                    Instant t = created.plusSeconds(3600);
                    history.add(new HistoryEntry(t, "admin", "ADMIN", "route", CaseStatus.TRIAGE, CaseStatus.ROUTED, null));
                    status = CaseStatus.ROUTED;
                    if (random.nextInt(3) > 0) {
                        t = t.plusSeconds(random.nextLong(10L * 24 * 3600));
                        history.add(new HistoryEntry(t, "dinas", "AGENCY", "resolve", CaseStatus.ROUTED,
                                CaseStatus.RESOLVED, null));
                        status = CaseStatus.RESOLVED;
                    }
                }
            }
            String id = idPrefix + i;
            return new ReportCase(id, tenantId, IndonesianTime.WITA.getId(), "BNC-" + id, kind, "SAMPAH", "deskripsi",
                    new GeoPoint(0.73, 124.31), area, rtId, Privacy.PUBLIC, null, photos, status, history.size(),
                    history, created, created, null, false, List.of(), null, null, null);
        }
    }
}
