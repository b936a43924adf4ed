package id.laporwarga.domain.scoring;

import static id.laporwarga.domain.scoring.ScoringCases.activity;
import static id.laporwarga.domain.scoring.ScoringCases.complaint;
import static id.laporwarga.domain.scoring.ScoringCases.local;
import static id.laporwarga.domain.scoring.ScoringCases.serviceRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Verdict;
import id.laporwarga.domain.time.IndonesianTime;
import id.laporwarga.domain.time.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RtScoreEngineTest {
    private static final ScorePeriod OCTOBER = ScorePeriod.parse("2026-10", IndonesianTime.WITA);
    private static final Instant AFTER_CLOSE = local("2026-11-01T09:00");
    private static final WorkingCalendar CALENDAR = new WorkingCalendar(IndonesianTime.WITA, List.of(LocalDate.parse("2026-10-20")));

    private static PeriodScores score(ScoringPolicy policy, Instant now, List<ReportCase> cases) {
        var run = new RtScoreEngine(policy, CALENDAR).start(ScoringCases.TENANT, OCTOBER, now, ScoringCases.rosterOf(cases));
        cases.forEach(run::accept);
        return run.finish();
    }

    private static RtScore only(PeriodScores scores, String rtId) {
        return scores.rtScores().stream().filter(s -> s.rtId().equals(rtId)).findFirst().orElseThrow();
    }

    private static ComponentScore line(RtScore s, ScoreComponentType type) {
        return s.components().stream().filter(c -> c.type() == type).findFirst().orElseThrow();
    }

    /** n verified, approved activity reports, two a day from 1 October (the default per-day limit). */
    private static List<ReportCase> approvedActivities(String rtId, int n) {
        List<ReportCase> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int day = 1 + (i / 2) % 31;
            String d = String.format("2026-10-%02d", day);
            out.add(activity(rtId, d + "T07:00").to(CaseStatus.KELURAHAN_REVIEW, d + "T08:00")
                    .to(CaseStatus.APPROVED, d + "T10:0" + (i % 2)).build());
        }
        return out;
    }

    /** One verified activity submitted and approved on 1 October: the RT is active in October. */
    private static ReportCase approvedOn1October(String rtId) {
        return activity(rtId, "2026-10-01T07:00").to(CaseStatus.APPROVED, "2026-10-01T10:00").build();
    }

    @Test
    void hundredActivityReportsScoreNoMoreThanTheCapAllows() {
        PeriodScores scores = score(ScoringPolicy.defaults(), AFTER_CLOSE, approvedActivities("RT-001", 100));
        RtScore rt = only(scores, "RT-001");
        ComponentScore activity = line(rt, ScoreComponentType.VERIFIED_ACTIVITY);
        assertEquals(100, rt.counts().activityApproved());
        assertEquals(62, activity.raw(), "at most 2 a day over 31 days");
        assertEquals(8, activity.counted());
        assertEquals(50, activity.points(), "the cap: 8 reports already earn the whole weight");
        // the other components had nothing to measure: full points by policy
        assertEquals(100, rt.score());

        RtScore eight = only(score(ScoringPolicy.defaults(), AFTER_CLOSE, approvedActivities("RT-002", 8)), "RT-002");
        assertEquals(line(eight, ScoreComponentType.VERIFIED_ACTIVITY).points(), activity.points(),
                "100 reports earn exactly what 8 earn");
    }

    @Test
    void perDayLimitAndUnverifiedPhotosDoNotEarnPoints() {
        List<ReportCase> cases = new ArrayList<>();
        for (int i = 0; i < 5; i++) { // five on one day: two count
            cases.add(activity("RT-001", "2026-10-05T07:00").to(CaseStatus.APPROVED, "2026-10-05T1" + i + ":00").build());
        }
        // approved by an official although the photo had no GPS: shown, but no points
        cases.add(activity("RT-001", "2026-10-06T07:00").noPhotos().photo(Verdict.NEEDS_REVIEW)
                .to(CaseStatus.APPROVED, "2026-10-06T10:00").build());
        RtScore rt = only(score(ScoringPolicy.defaults(), AFTER_CLOSE, cases), "RT-001");
        assertEquals(6, rt.counts().activityApproved());
        assertEquals(5, rt.counts().activityApprovedVerified());
        assertEquals(2, rt.counts().activityEligible());
        assertEquals(13, line(rt, ScoreComponentType.VERIFIED_ACTIVITY).points(), "50 x 2/8 = 12.5, rounded half up");
    }

    /** A policy where each verified activity is worth one point and the other 50 points come from empty ratios. */
    private static ScoringPolicy onePointPerActivity() {
        return new ScoringPolicy(List.of(
                new ScoreComponent(ScoreComponentType.VERIFIED_ACTIVITY, 50, 50, 0, 0),
                new ScoreComponent(ScoreComponentType.SERVICE_TIMELINESS, 25, 0, 0, 100),
                new ScoreComponent(ScoreComponentType.COMPLAINTS_RESOLVED, 25, 0, 0, 100)),
                ScoringPolicy.defaultBands(), 5, 2, 2);
    }

    private static RtScore scoreWithActivities(int n) {
        List<ReportCase> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String d = String.format("2026-10-%02d", 1 + i / 5);
            cases.add(activity("RT-009", d + "T07:00").to(CaseStatus.APPROVED, d + "T10:00").build());
        }
        return only(score(onePointPerActivity(), AFTER_CLOSE, cases), "RT-009");
    }

    @Test
    void bandBoundariesFollowPerwaliMakassar() {
        record Expect(int activities, int score, long rupiah, String band) { }
        for (Expect e : List.of(new Expect(9, 59, 0, "Belum memenuhi"), new Expect(10, 60, 250_000, "Cukup"),
                new Expect(20, 70, 250_000, "Cukup"), new Expect(21, 71, 500_000, "Baik"),
                new Expect(30, 80, 500_000, "Baik"), new Expect(31, 81, 750_000, "Sangat baik"),
                new Expect(40, 90, 750_000, "Sangat baik"), new Expect(41, 91, 1_000_000, "Istimewa"),
                new Expect(50, 100, 1_000_000, "Istimewa"))) {
            RtScore rt = scoreWithActivities(e.activities());
            assertEquals(e.score(), rt.score(), "score with " + e.activities() + " activities");
            assertEquals(e.rupiah(), rt.incentiveRupiah(), "incentive at " + e.score());
            assertEquals(e.band(), rt.band(), "band at " + e.score());
            assertEquals(rt.score(), rt.componentPointsSum() + rt.clampAdjustment());
        }
    }

    @Test
    void serviceRequestTimelinessCountsStepsByTheirWorkingDayDeadline() {
        List<ReportCase> cases = List.of(
                // Mon 09:00 -> due Wed 09:00; acted Tue: on time
                serviceRequest("RT-003", "2026-10-05T09:00").to(CaseStatus.KELURAHAN_PROCESSING, "2026-10-06T15:00",
                        "rt3", "RT_HEAD", "approve").build(),
                // Fri 16 Oct 09:00 -> Mon 19, Tue 20 is a holiday -> due Wed 21 09:00; acted Wed 08:00: on time
                serviceRequest("RT-003", "2026-10-16T09:00").to(CaseStatus.KELURAHAN_PROCESSING, "2026-10-21T08:00",
                        "rt3", "RT_HEAD", "approve").build(),
                // Mon 12 Oct -> due Wed 14; acted Thu 15: late
                serviceRequest("RT-003", "2026-10-12T09:00").to(CaseStatus.KELURAHAN_PROCESSING, "2026-10-15T09:00",
                        "rt3", "RT_HEAD", "approve").build(),
                // Tue 27 Oct -> due Thu 29; never acted: late
                serviceRequest("RT-003", "2026-10-27T09:00").build(),
                // Thu 29 Oct -> due Mon 2 Nov: November's step, not October's
                serviceRequest("RT-003", "2026-10-29T09:00").build(),
                approvedOn1October("RT-003"));
        RtScore rt = only(score(ScoringPolicy.defaults(), AFTER_CLOSE, cases), "RT-003");
        ComponentScore timeliness = line(rt, ScoreComponentType.SERVICE_TIMELINESS);
        assertEquals(4, rt.counts().serviceSteps());
        assertEquals(2, rt.counts().serviceStepsOnTime());
        assertEquals(13, timeliness.points(), "25 x 2/4 = 12.5 -> 13");
        assertFalse(timeliness.noData());

        // provisional on 13 Oct noon: only the first step is decided (the one of 12 Oct is due 14 Oct)
        RtScore provisional = only(score(ScoringPolicy.defaults(), local("2026-10-13T12:00"), cases), "RT-003");
        assertTrue(provisional.provisional());
        assertEquals(1, provisional.counts().serviceSteps());
        assertEquals(1, provisional.counts().serviceStepsOnTime());
    }

    @Test
    void complaintsCountWhenResolvedByThePeriodsEnd() {
        List<ReportCase> cases = List.of(
                complaint("RT-004", "2026-10-02T09:00").to(CaseStatus.ROUTED, "2026-10-02T10:00")
                        .to(CaseStatus.RESOLVED, "2026-10-04T10:00")
                        .to(CaseStatus.CLOSED, "2026-10-05T10:00", "citizen", "CITIZEN", "confirm").build(),
                complaint("RT-004", "2026-10-10T09:00").to(CaseStatus.RESOLVED, "2026-10-30T10:00").build(),
                complaint("RT-004", "2026-10-20T09:00").to(CaseStatus.RESOLVED, "2026-11-03T10:00").build(),
                complaint("RT-004", "2026-10-21T09:00").to(CaseStatus.REJECTED, "2026-10-21T10:00").build(),
                complaint("RT-004", "2026-09-21T09:00").to(CaseStatus.RESOLVED, "2026-10-01T10:00").build(),
                approvedOn1October("RT-004"));
        RtScore rt = only(score(ScoringPolicy.defaults(), AFTER_CLOSE, cases), "RT-004");
        assertEquals(3, rt.counts().complaintsReceived(), "the rejected one and September's do not count");
        assertEquals(2, rt.counts().complaintsResolved());
        assertEquals(1, rt.counts().complaintsConfirmed());
        assertEquals(17, line(rt, ScoreComponentType.COMPLAINTS_RESOLVED).points(), "25 x 2/3 = 16.67 -> 17");
    }

    @Test
    void penaltiesAreCappedAndTheClampIsShownInTheBreakdown() {
        List<ReportCase> cases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cases.add(activity("RT-005", "2026-10-05T07:00").to(CaseStatus.RETURNED, "2026-10-06T10:00").build());
        }
        cases.add(serviceRequest("RT-005", "2026-10-05T09:00").build()); // never acted: 0 of 1
        cases.add(complaint("RT-005", "2026-10-05T09:00").build()); // never resolved: 0 of 1
        cases.add(approvedOn1October("RT-005")); // active: 50 x 1/8 = 6.25 -> 6 points
        RtScore rt = only(score(ScoringPolicy.defaults(), AFTER_CLOSE, cases), "RT-005");
        assertEquals(6, rt.counts().activityReturnedOrRejected());
        assertEquals(-20, line(rt, ScoreComponentType.RETURNED_PENALTY).points(), "5 per report, at most 20");
        assertEquals(0, rt.score());
        assertEquals(14, rt.clampAdjustment(), "6 - 20 = -14, clamped to 0");
        assertEquals(rt.score(), rt.componentPointsSum() + rt.clampAdjustment());
        assertEquals(0, rt.incentiveRupiah());
    }

    @Test
    void aClosedPeriodScoresTheSameWhateverTheOrderOfItsCases() {
        Random random = new Random(42);
        List<ReportCase> cases = new ArrayList<>(approvedActivities("RT-A", 7));
        cases.addAll(approvedActivities("RT-B", 3));
        // approved in October although submitted in September: October's
        cases.add(activity("RT-B", "2026-09-29T07:00").to(CaseStatus.APPROVED, "2026-10-02T09:00").build());
        // approved in November: not October's
        cases.add(activity("RT-B", "2026-10-30T07:00").to(CaseStatus.APPROVED, "2026-11-02T09:00").build());
        cases.add(complaint("RT-A", "2026-10-03T09:00").area(ScoringCases.AREA_B).build());
        cases.add(serviceRequest("RT-B", "2026-10-05T09:00").to(CaseStatus.KELURAHAN_PROCESSING, "2026-10-05T10:00").build());
        PeriodScores first = score(ScoringPolicy.defaults(), AFTER_CLOSE, cases);
        for (int i = 0; i < 5; i++) {
            List<ReportCase> shuffled = new ArrayList<>(cases);
            Collections.shuffle(shuffled, random);
            assertEquals(first, score(ScoringPolicy.defaults(), local("2027-03-01T00:00"), shuffled));
        }
        assertEquals(4, only(first, "RT-B").counts().activityApproved());
        assertEquals("71.74.01.1001", only(first, "RT-A").kelurahanCode(), "placed by its earliest case");
        assertFalse(first.provisional());
    }

    @Test
    void confidentialCasesAreNotCounted() {
        List<ReportCase> cases = List.of(
                complaint("RT-006", "2026-10-02T09:00").privacy(Privacy.CONFIDENTIAL).build(),
                complaint("RT-006", "2026-10-02T09:00").privacy(Privacy.ANONYMOUS).build());
        PeriodScores scores = score(ScoringPolicy.defaults(), AFTER_CLOSE, cases);
        assertEquals(1, only(scores, "RT-006").counts().complaintsReceived());
        assertEquals(1, scores.casesSkippedConfidential());
        assertEquals(1, scores.areas().get(0).received());
    }

    @Test
    void areaFiguresGiveCountsAndMedianTimeToResolve() {
        List<ReportCase> cases = List.of(
                complaint(null, "2026-10-01T08:00").to(CaseStatus.RESOLVED, "2026-10-01T10:00").build(), // 2 h
                complaint(null, "2026-10-02T08:00").to(CaseStatus.RESOLVED, "2026-10-02T12:00").build(), // 4 h
                complaint(null, "2026-10-03T08:00").to(CaseStatus.RESOLVED, "2026-10-04T08:00").overdue().build(), // 24 h
                complaint(null, "2026-10-05T08:00").area(ScoringCases.AREA_B).build(),
                complaint(null, "2026-09-30T08:00").to(CaseStatus.RESOLVED, "2026-10-01T08:00").build()); // 24 h, Sept's
        PeriodScores scores = score(ScoringPolicy.defaults(), AFTER_CLOSE, cases);
        assertTrue(scores.rtScores().isEmpty());
        AreaStats kecA = scores.areas().stream().filter(a -> a.kecamatanCode().equals("71.74.01") && a.isKecamatan())
                .findFirst().orElseThrow();
        assertEquals(3, kecA.received());
        assertEquals(4, kecA.resolved());
        assertEquals(14.0, kecA.medianResolveHours(), "median of 2, 4, 24, 24 h");
        assertEquals(1, kecA.overdue());
        AreaStats kelB = scores.areas().stream().filter(a -> "71.74.02.1002".equals(a.kelurahanCode()))
                .findFirst().orElseThrow();
        assertEquals(1, kelB.received());
        assertEquals(0, kelB.resolved());
        assertNull(kelB.medianResolveHours());
    }
}
