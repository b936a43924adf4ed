package id.laporwarga.domain.scoring;

import static id.laporwarga.domain.scoring.ScoringCases.activity;
import static id.laporwarga.domain.scoring.ScoringCases.complaint;
import static id.laporwarga.domain.scoring.ScoringCases.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.roster.RosterEntry;
import id.laporwarga.domain.time.IndonesianTime;
import id.laporwarga.domain.time.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Scores are fair to busy reviewers and to RTs that never report: the per-day limit counts activities by their own
 * day, never by the day they were approved; only rostered RTs are scored, and a rostered RT without approved activity
 * is listed with 0 and inactive, with the share of active RTs per area.
 */
class ScoringFairnessTest {
    private static final ScorePeriod OCTOBER = ScorePeriod.parse("2026-10", IndonesianTime.WITA);
    private static final Instant AFTER_CLOSE = local("2026-11-01T09:00");
    private static final Instant OCTOBER_END = OCTOBER.end();
    private static final WorkingCalendar CALENDAR = new WorkingCalendar(IndonesianTime.WITA, List.of());
    private static final List<String> RTS = List.of("RT-A", "RT-B", "RT-C");

    private static PeriodScores score(List<ReportCase> cases, List<RosterEntry> roster) {
        var run = new RtScoreEngine(ScoringPolicy.defaults(), CALENDAR).start(ScoringCases.TENANT, OCTOBER,
                AFTER_CLOSE, roster);
        cases.forEach(run::accept);
        return run.finish();
    }

    private static RtScore of(PeriodScores scores, String rtId) {
        return scores.rtScores().stream().filter(s -> s.rtId().equals(rtId)).findFirst().orElseThrow();
    }

    /** One activity: the RT, the local time it was submitted (in October), and nothing about its approval. */
    record Activity(String rtId, LocalDateTime submitted) {
    }

    @Provide
    Arbitrary<Activity> activities() {
        return Combinators.combine(Arbitraries.of(RTS), Arbitraries.integers().between(1, 31),
                Arbitraries.integers().between(6, 21), Arbitraries.integers().between(0, 59))
                .as((rt, day, hour, minute) -> new Activity(rt, LocalDateTime.of(2026, 10, day, hour, minute)));
    }

    /**
     * The same activities, each approved at a random moment after its submission and before the period's end:
     * whatever the reviewers' days and times, the RTs' scores are the same.
     */
    private static List<ReportCase> approvedAtRandom(List<Activity> activities, long seed) {
        Random random = new Random(seed);
        List<ReportCase> out = new ArrayList<>();
        for (int i = 0; i < activities.size(); i++) {
            Activity a = activities.get(i);
            Instant submitted = a.submitted().atZone(IndonesianTime.WITA).toInstant();
            long room = Duration.between(submitted, OCTOBER_END).toMinutes() - 1;
            Instant approved = submitted.plus(Duration.ofMinutes(1 + (long) (random.nextDouble() * room)));
            String at = LocalDateTime.ofInstant(approved, IndonesianTime.WITA).toString();
            out.add(activity(a.rtId(), a.submitted().toString()).id(String.format("a%04d", i))
                    .to(CaseStatus.KELURAHAN_REVIEW, at).to(CaseStatus.APPROVED, at).build());
        }
        return out;
    }

    @Property(tries = 300)
    void scoresDoNotDependOnTheDaysApprovalsHappen(@ForAll @Size(max = 40) List<@From("activities") Activity> activities,
                                                   @ForAll long firstSeed, @ForAll long secondSeed) {
        List<ReportCase> first = approvedAtRandom(activities, firstSeed);
        List<ReportCase> second = approvedAtRandom(activities, secondSeed);
        List<RosterEntry> roster = roster();
        assertEquals(score(first, roster).rtScores(), score(second, roster).rtScores());
    }

    @Test
    void eightActivitiesOnEightDaysApprovedByTheCityOnOneDayCountAsEight() {
        List<ReportCase> cases = new ArrayList<>();
        for (int day = 1; day <= 8; day++) {
            String submitted = String.format("2026-10-%02dT08:00", day);
            cases.add(activity("RT-A", submitted).to(CaseStatus.APPROVED, "2026-10-20T09:0" + day % 10).build());
        }
        RtScore rt = of(score(cases, roster()), "RT-A");
        assertEquals(8, rt.counts().activityEligible(), "each activity counts on its own day");
        assertEquals(50, rt.components().get(0).points());

        // eight submitted on one day: the per-day limit (2) applies to that day, whenever they are approved
        List<ReportCase> oneDay = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            oneDay.add(activity("RT-B", "2026-10-03T08:0" + i).to(CaseStatus.APPROVED, "2026-10-" + (10 + i) + "T09:00")
                    .build());
        }
        assertEquals(2, of(score(oneDay, roster()), "RT-B").counts().activityEligible());
    }

    @Test
    void aRosteredRtWithoutApprovedActivityIsRankedWithZeroAndInactive() {
        List<ReportCase> cases = List.of(
                activity("RT-A", "2026-10-02T08:00").to(CaseStatus.APPROVED, "2026-10-03T09:00").build(),
                // RT-B: a resolved complaint in its area and a returned report, but no approved activity
                complaint("RT-B", "2026-10-02T08:00").to(CaseStatus.RESOLVED, "2026-10-04T09:00").build(),
                activity("RT-B", "2026-10-05T08:00").to(CaseStatus.RETURNED, "2026-10-06T09:00").build());
        PeriodScores scores = score(cases, roster());
        assertEquals(List.of("RT-A", "RT-B", "RT-C"), scores.rtScores().stream().map(RtScore::rtId).toList());
        RtScore a = of(scores, "RT-A");
        assertTrue(a.active());
        assertTrue(a.score() > 0);
        for (String idle : List.of("RT-B", "RT-C")) {
            RtScore s = of(scores, idle);
            assertFalse(s.active(), idle);
            assertEquals(0, s.score(), idle);
            assertEquals(0, s.incentiveRupiah(), idle);
            assertEquals(s.score(), s.componentPointsSum() + s.clampAdjustment(), idle);
            assertEquals(idle.equals("RT-B") ? "71.74.01.1001" : "71.74.02.1002", s.kelurahanCode(),
                    "placed where the roster says");
        }
        assertEquals(1, of(scores, "RT-B").counts().complaintsResolved(), "what happened is still shown");

        // RT-A and RT-B in Mogolaing, RT-C in Motoboi Kecil: 1 of 2 and 0 of 1 active; the kecamatan rows add up
        AreaStats mogolaing = area(scores, "71.74.01.1001");
        assertEquals(2, mogolaing.rts());
        assertEquals(1, mogolaing.activeRts());
        assertEquals(0.5, mogolaing.activeShare());
        AreaStats motoboi = area(scores, "71.74.02.1002");
        assertEquals(1, motoboi.rts());
        assertEquals(0.0, motoboi.activeShare());
        assertEquals(3, scores.areas().stream().filter(AreaStats::isKecamatan).mapToInt(AreaStats::rts).sum());
        assertEquals(1, scores.areas().stream().filter(AreaStats::isKecamatan).mapToInt(AreaStats::activeRts).sum());
    }

    @Test
    void anRtThatIsNotRosteredIsNeverScored() {
        List<ReportCase> cases = new ArrayList<>();
        for (int day = 1; day <= 8; day++) {
            cases.add(activity("RT-MADE-UP", String.format("2026-10-%02dT08:00", day))
                    .to(CaseStatus.APPROVED, String.format("2026-10-%02dT10:00", day)).build());
        }
        var run = new RtScoreEngine(ScoringPolicy.defaults(), CALENDAR).start(ScoringCases.TENANT, OCTOBER,
                AFTER_CLOSE, roster());
        cases.forEach(run::accept);
        PeriodScores scores = run.finish();
        assertTrue(scores.rtScores().stream().noneMatch(s -> s.rtId().equals("RT-MADE-UP")));
        assertEquals(8, run.unrosteredSkipped());
        assertEquals(3, scores.rtScores().size(), "the rostered RTs, all inactive");
    }

    @Test
    void aDeactivatedRtKeepsItsScoreForThePeriodItWorkedButIsNotListedAfter() {
        List<RosterEntry> roster = new ArrayList<>(roster());
        roster.set(2, roster.get(2).withActive(false)); // RT-C left the roster
        List<ReportCase> cases = List.of(
                activity("RT-C", "2026-10-02T08:00").to(CaseStatus.APPROVED, "2026-10-03T09:00").build());
        PeriodScores october = score(cases, roster);
        assertTrue(of(october, "RT-C").active(), "its October work still counts");
        PeriodScores idle = score(List.of(), roster);
        assertTrue(idle.rtScores().stream().noneMatch(s -> s.rtId().equals("RT-C")));
        assertEquals(2, idle.rtScores().size());
    }

    private static AreaStats area(PeriodScores scores, String kelurahanCode) {
        return scores.areas().stream().filter(a -> kelurahanCode.equals(a.kelurahanCode())).findFirst().orElseThrow();
    }

    /** RT-A and RT-B in Mogolaing (AREA_A), RT-C in Motoboi Kecil (AREA_B). */
    private static List<RosterEntry> roster() {
        return List.of(entry("RT-A", ScoringCases.AREA_A), entry("RT-B", ScoringCases.AREA_A),
                entry("RT-C", ScoringCases.AREA_B));
    }

    private static RosterEntry entry(String rtId, id.laporwarga.domain.geo.AreaRef area) {
        return new RosterEntry(ScoringCases.TENANT, rtId, "001", "001", area.kecamatanCode(), area.kecamatanName(),
                area.kelurahanCode(), area.kelurahanName(), true, null);
    }
}
