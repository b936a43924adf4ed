package id.laporwarga.domain.scoring;

import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Verdict;
import id.laporwarga.domain.roster.RosterEntry;
import id.laporwarga.domain.time.WorkingCalendar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Scores every RT of a tenant for one period in a single streaming pass: {@link Run#accept} folds each case into a few
 * integer counters per RT and per area and forgets the case, so memory grows with the number of RTs and areas, not with
 * the number of reports. The result depends only on the cases' dated history entries before {@code asOf}, never on the
 * order in which cases arrive, so recomputing a closed period gives the same scores.
 *
 * <p>Only RTs of the tenant's roster are scored (an rtId that is not rostered is ignored, so a made-up RT never
 * reaches the ranking); every active rostered RT gets a score, 0 and inactive when it had no approved activity in the
 * period. The per-day limit of activities applies to the activity's own local date (its submission day in the
 * tenant's zone, which the geotag check ties to the photo's capture time), never to the day of approval, so the
 * scores do not depend on when reviewers approve.
 */
public final class RtScoreEngine {
    private final ScoringPolicy policy;
    private final WorkingCalendar calendar;

    public RtScoreEngine(ScoringPolicy policy, WorkingCalendar calendar) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    public ScoringPolicy policy() {
        return policy;
    }

    /**
     * Starts scoring {@code period} for the RTs of {@code roster} (the tenant's, active and deactivated).
     * {@code now} before the period's end makes a provisional run that only counts what happened before {@code now};
     * at or after the end, the run is final and {@code now} no longer matters.
     */
    public Run start(String tenantId, ScorePeriod period, Instant now, Collection<RosterEntry> roster) {
        return new Run(tenantId, period, now, roster);
    }

    /** One scoring pass. Not thread-safe: feed it from one thread. */
    public final class Run {
        private final String tenantId;
        private final ScorePeriod period;
        private final Instant start;
        private final Instant end;
        /** Events at or after this instant are not counted yet. */
        private final Instant asOf;
        private final boolean provisional;
        private final Map<String, RtTally> rts = new HashMap<>();
        private final Map<String, AreaTally> kelurahans = new HashMap<>();
        private final Map<String, RosterEntry> roster = new HashMap<>();
        private long casesRead;
        private long confidentialSkipped;
        private long unrosteredSkipped;

        private Run(String tenantId, ScorePeriod period, Instant now, Collection<RosterEntry> roster) {
            this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
            this.period = period;
            this.start = period.start();
            this.end = period.end();
            this.provisional = now.isBefore(end);
            this.asOf = provisional ? now : end;
            for (RosterEntry e : roster) {
                if (tenantId.equals(e.tenantId())) {
                    this.roster.put(e.rtId(), e);
                }
            }
        }

        public void accept(ReportCase c) {
            casesRead++;
            if (!tenantId.equals(c.tenantId())) {
                return;
            }
            if (c.privacy() == Privacy.CONFIDENTIAL) {
                confidentialSkipped++;
                return;
            }
            if (c.kind() == CaseKind.COMPLAINT) {
                areaFigures(c);
            }
            if (c.rtId() == null || c.rtId().isBlank()) {
                return;
            }
            RosterEntry rostered = roster.get(c.rtId());
            if (rostered == null) {
                unrosteredSkipped++; // not an RT of the roster: never scored, never ranked
                return;
            }
            RtTally rt = rts.computeIfAbsent(c.rtId(), k -> new RtTally(rostered));
            switch (c.kind()) {
                case RT_ACTIVITY -> activity(rt, c);
                case SERVICE_REQUEST -> serviceRequest(rt, c);
                case COMPLAINT -> complaint(rt, c);
            }
        }

        private boolean counted(Instant at) {
            return at != null && !at.isBefore(start) && at.isBefore(end) && at.isBefore(asOf);
        }

        private void activity(RtTally rt, ReportCase c) {
            if (counted(c.createdAt())) {
                rt.activitySubmitted++;
            }
            boolean approvedSeen = false;
            for (HistoryEntry h : c.history()) {
                if (h.to() == CaseStatus.APPROVED && !approvedSeen) {
                    approvedSeen = true;
                    if (counted(h.at())) {
                        rt.activityApproved++;
                        if (geotagVerified(c)) {
                            rt.activityApprovedVerified++;
                            if (rt.takeDaySlot(activityDay(c), policy.maxActivitiesPerDay())) {
                                rt.activityEligible++;
                            }
                        }
                    }
                } else if ((h.to() == CaseStatus.RETURNED || h.to() == CaseStatus.REJECTED) && counted(h.at())) {
                    rt.activityReturnedOrRejected++;
                }
            }
        }

        private void serviceRequest(RtTally rt, ReportCase c) {
            List<HistoryEntry> history = c.history();
            for (int i = 0; i < history.size(); i++) {
                HistoryEntry entered = history.get(i);
                if (entered.to() != CaseStatus.RT_APPROVAL || entered.at() == null) {
                    continue;
                }
                Instant deadline = calendar.plusWorkingDays(entered.at(), policy.rtActionWorkingDays());
                if (deadline.isBefore(start) || !deadline.isBefore(end)) {
                    continue;
                }
                Instant acted = null;
                for (int j = i + 1; j < history.size(); j++) {
                    HistoryEntry next = history.get(j);
                    if (next.from() == CaseStatus.RT_APPROVAL && next.at() != null) {
                        acted = next.at();
                        break;
                    }
                }
                boolean actedInTime = acted != null && !acted.isAfter(deadline) && acted.isBefore(asOf);
                if (actedInTime) {
                    rt.serviceSteps++;
                    rt.serviceStepsOnTime++;
                } else if (deadline.isBefore(asOf)) {
                    // the deadline passed (before now, for a provisional run) without the RT head acting
                    rt.serviceSteps++;
                }
                // otherwise still pending within its deadline: not counted yet
            }
        }

        private void complaint(RtTally rt, ReportCase c) {
            if (!counted(c.createdAt())) {
                return;
            }
            CaseStatus state = null;
            boolean confirmed = false;
            for (HistoryEntry h : c.history()) {
                if (h.at() != null && h.at().isBefore(asOf)) {
                    state = h.to();
                    if (h.to() == CaseStatus.CLOSED) {
                        confirmed = isCitizenConfirmation(h);
                    }
                }
            }
            if (state == CaseStatus.REJECTED || state == CaseStatus.REFERRED_EXTERNAL) {
                return; // not a complaint the area could resolve
            }
            rt.complaintsReceived++;
            if (state == CaseStatus.RESOLVED || state == CaseStatus.CLOSED) {
                rt.complaintsResolved++;
                if (state == CaseStatus.CLOSED && confirmed) {
                    rt.complaintsConfirmed++;
                }
            }
        }

        private void areaFigures(ReportCase c) {
            if (c.area() == null || c.area().kecamatanCode() == null) {
                return;
            }
            AreaTally area = kelurahans.computeIfAbsent(areaKey(c.area().kecamatanCode(), c.area().kelurahanCode()), k -> new AreaTally(c.area().kecamatanCode(),
                    c.area().kecamatanName(), c.area().kelurahanCode(), c.area().kelurahanName()));
            if (counted(c.createdAt())) {
                area.received++;
                if (c.overdue() || wentOverdue(c)) {
                    area.overdue++;
                }
            }
            for (HistoryEntry h : c.history()) {
                if (h.to() == CaseStatus.RESOLVED || h.to() == CaseStatus.CLOSED) {
                    if (counted(h.at())) {
                        area.resolved++;
                        area.resolveMinutes.add((int) Math.max(0,
                                java.time.Duration.between(c.createdAt(), h.at()).toMinutes()));
                    }
                    break; // the first resolution only
                }
            }
        }

        private boolean wentOverdue(ReportCase c) {
            for (HistoryEntry h : c.history()) {
                if (h.action() != null && h.at() != null && h.at().isBefore(asOf)) {
                    String a = h.action().toLowerCase(Locale.ROOT);
                    if (a.contains("overdue") || a.contains("escalat")) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** The activity's own day: its submission's local date in the tenant's zone (epoch day). */
        private long activityDay(ReportCase c) {
            return c.createdAt().atZone(period.zone()).toLocalDate().toEpochDay();
        }

        public long casesRead() {
            return casesRead;
        }

        /** Cases read whose rtId is not in the roster (ignored for RT scores). */
        public long unrosteredSkipped() {
            return unrosteredSkipped;
        }

        public PeriodScores finish() {
            for (RosterEntry e : roster.values()) {
                if (e.active()) {
                    rts.computeIfAbsent(e.rtId(), k -> new RtTally(e)); // rostered, nothing this period: 0, inactive
                }
            }
            List<RtScore> scores = new ArrayList<>(rts.size());
            for (Map.Entry<String, RtTally> e : new TreeMap<>(rts).entrySet()) {
                RtScore s = score(e.getKey(), e.getValue());
                scores.add(s);
                if (e.getValue().place.active()) {
                    shareOf(e.getValue().place).count(s.active());
                }
            }
            return new PeriodScores(tenantId, period.id(), provisional, scores, areas(), casesRead, confidentialSkipped);
        }

        /**
         * An RT with an approved activity in the period is active and scored by the policy; one without is inactive and
         * scores 0 ("tidak aktif"): its lines keep what was measured but give no points, so an RT that never reports
         * earns nothing from the components that have no data.
         */
        private RtScore score(String rtId, RtTally t) {
            RtCounts counts = t.counts();
            boolean active = counts.activityApproved() > 0;
            List<ComponentScore> lines = new ArrayList<>();
            int sum = 0;
            for (ScoreComponent component : policy.components()) {
                ComponentScore line = Scoring.line(component, counts);
                if (!active) {
                    line = new ComponentScore(line.type(), line.raw(), line.denominator(), line.counted(), line.cap(),
                            line.weight(), 0, line.noData());
                }
                lines.add(line);
                sum += line.points();
            }
            int score = Math.max(0, Math.min(ScoringPolicy.MAX_SCORE, sum));
            IncentiveBand band = policy.band(score);
            RosterEntry p = t.place;
            return new RtScore(tenantId, period.id(), rtId, p.kecamatanCode(), p.kelurahanCode(), p.kelurahanName(),
                    score, band.label(), band.amountRupiah(), score - sum, lines, counts, provisional, active);
        }

        /** The kelurahan's tally for the share of active RTs (created for a kelurahan without complaints too). */
        private AreaTally shareOf(RosterEntry rt) {
            return kelurahans.computeIfAbsent(areaKey(rt.kecamatanCode(), rt.kelurahanCode()), k -> new AreaTally(
                    rt.kecamatanCode(), rt.kecamatanName(), rt.kelurahanCode(), rt.kelurahanName()));
        }

        private List<AreaStats> areas() {
            Map<String, List<AreaTally>> byKecamatan = new TreeMap<>();
            for (AreaTally a : kelurahans.values()) {
                byKecamatan.computeIfAbsent(a.kecamatanCode, k -> new ArrayList<>()).add(a);
            }
            List<AreaStats> out = new ArrayList<>();
            for (Map.Entry<String, List<AreaTally>> e : byKecamatan.entrySet()) {
                List<AreaTally> list = e.getValue();
                list.sort((x, y) -> String.valueOf(x.kelurahanCode).compareTo(String.valueOf(y.kelurahanCode)));
                IntList all = new IntList();
                int received = 0, resolved = 0, overdue = 0, rostered = 0, active = 0;
                String kecName = null;
                for (AreaTally a : list) {
                    received += a.received;
                    resolved += a.resolved;
                    overdue += a.overdue;
                    rostered += a.rts;
                    active += a.activeRts;
                    all.addAll(a.resolveMinutes);
                    kecName = kecName == null ? a.kecamatanName : kecName;
                }
                out.add(new AreaStats(tenantId, period.id(), e.getKey(), kecName, null, null, received, resolved,
                        all.medianHours(), overdue, rostered, active));
                for (AreaTally a : list) {
                    if (a.kelurahanCode != null) {
                        out.add(new AreaStats(tenantId, period.id(), a.kecamatanCode, a.kecamatanName, a.kelurahanCode,
                                a.kelurahanName, a.received, a.resolved, a.resolveMinutes.medianHours(), a.overdue,
                                a.rts, a.activeRts));
                    }
                }
            }
            return out;
        }
    }

    private static String areaKey(String kecamatanCode, String kelurahanCode) {
        return kecamatanCode + "\u0000" + (kelurahanCode == null ? "" : kelurahanCode);
    }

    static boolean geotagVerified(ReportCase c) {
        if (c.photos().isEmpty()) {
            return false;
        }
        for (Photo p : c.photos()) {
            if (p.check() == null || p.check().verdict() != Verdict.PASS) {
                return false;
            }
        }
        return true;
    }

    static boolean isCitizenConfirmation(HistoryEntry h) {
        String role = h.actorRole() == null ? "" : h.actorRole().toUpperCase(Locale.ROOT);
        String action = h.action() == null ? "" : h.action().toLowerCase(Locale.ROOT);
        return role.equals("CITIZEN") || role.equals("REPORTER") || action.contains("confirm");
    }

    /** Per-RT counters: a handful of ints plus a day quota per activity day, whatever the number of reports. */
    private static final class RtTally {
        int activitySubmitted, activityApproved, activityApprovedVerified, activityEligible, activityReturnedOrRejected;
        int serviceSteps, serviceStepsOnTime, complaintsReceived, complaintsResolved, complaintsConfirmed;
        /** Eligible activities per activity day (epoch day); allocated on the first approved activity. */
        Map<Long, Integer> perDay;
        /** The RT's place is the roster's (its kelurahan and kecamatan), not where its reports happened. */
        final RosterEntry place;

        RtTally(RosterEntry place) {
            this.place = place;
        }

        /**
         * Whether one more activity of {@code day} counts: at most {@code maxPerDay} per activity day. The count of
         * eligible activities is the sum over days of min(approved that day, max), whatever the order of approvals.
         */
        boolean takeDaySlot(long day, int maxPerDay) {
            if (perDay == null) {
                perDay = new HashMap<>();
            }
            int taken = perDay.getOrDefault(day, 0);
            if (taken >= maxPerDay) {
                return false;
            }
            perDay.put(day, taken + 1);
            return true;
        }

        RtCounts counts() {
            return new RtCounts(activitySubmitted, activityApproved, activityApprovedVerified, activityEligible,
                    activityReturnedOrRejected, serviceSteps, serviceStepsOnTime, complaintsReceived,
                    complaintsResolved, complaintsConfirmed);
        }
    }

    private static final class AreaTally {
        final String kecamatanCode, kecamatanName, kelurahanCode, kelurahanName;
        int received, resolved, overdue;
        /** Rostered active RTs of the area, and how many of them had an approved activity in the period. */
        int rts, activeRts;
        final IntList resolveMinutes = new IntList();

        void count(boolean active) {
            rts++;
            if (active) {
                activeRts++;
            }
        }

        AreaTally(String kecamatanCode, String kecamatanName, String kelurahanCode, String kelurahanName) {
            this.kecamatanCode = kecamatanCode;
            this.kecamatanName = kecamatanName;
            this.kelurahanCode = kelurahanCode;
            this.kelurahanName = kelurahanName;
        }
    }

    /** A growable int array (4 bytes a value, no boxing). */
    static final class IntList {
        private int[] values = new int[8];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        void addAll(IntList other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        Double medianHours() {
            if (size == 0) {
                return null;
            }
            int[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            double minutes = size % 2 == 1 ? sorted[size / 2] : (sorted[size / 2 - 1] + (double) sorted[size / 2]) / 2;
            return Math.round(minutes / 60.0 * 10) / 10.0;
        }
    }
}
