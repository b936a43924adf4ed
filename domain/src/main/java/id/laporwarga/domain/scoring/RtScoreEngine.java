package id.laporwarga.domain.scoring;

import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Verdict;
import id.laporwarga.domain.time.WorkingCalendar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
     * Starts scoring {@code period}. {@code now} before the period's end makes a provisional run that only counts what
     * happened before {@code now}; at or after the end, the run is final and {@code now} no longer matters.
     */
    public Run start(String tenantId, ScorePeriod period, Instant now) {
        return new Run(tenantId, period, now);
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
        private long casesRead;
        private long confidentialSkipped;

        private Run(String tenantId, ScorePeriod period, Instant now) {
            this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
            this.period = period;
            this.start = period.start();
            this.end = period.end();
            this.provisional = now.isBefore(end);
            this.asOf = provisional ? now : end;
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
            RtTally rt = rts.computeIfAbsent(c.rtId(), k -> new RtTally());
            rt.placeAt(c);
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
                            if (rt.takeDaySlot(localDayOfMonth(h.at()), policy.maxActivitiesPerDay())) {
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
            String key = c.area().kecamatanCode() + "\u0000" + (c.area().kelurahanCode() == null ? "" : c.area().kelurahanCode());
            AreaTally area = kelurahans.computeIfAbsent(key, k -> new AreaTally(c.area().kecamatanCode(),
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

        private int localDayOfMonth(Instant at) {
            return at.atZone(period.zone()).getDayOfMonth();
        }

        public long casesRead() {
            return casesRead;
        }

        public PeriodScores finish() {
            List<RtScore> scores = new ArrayList<>(rts.size());
            for (Map.Entry<String, RtTally> e : new TreeMap<>(rts).entrySet()) {
                scores.add(score(e.getKey(), e.getValue()));
            }
            return new PeriodScores(tenantId, period.id(), provisional, scores, areas(), casesRead, confidentialSkipped);
        }

        private RtScore score(String rtId, RtTally t) {
            RtCounts counts = t.counts();
            List<ComponentScore> lines = new ArrayList<>();
            int sum = 0;
            for (ScoreComponent component : policy.components()) {
                ComponentScore line = Scoring.line(component, counts);
                lines.add(line);
                sum += line.points();
            }
            int score = Math.max(0, Math.min(ScoringPolicy.MAX_SCORE, sum));
            IncentiveBand band = policy.band(score);
            return new RtScore(tenantId, period.id(), rtId, t.kecamatanCode, t.kelurahanCode, t.kelurahanName, score,
                    band.label(), band.amountRupiah(), score - sum, lines, counts, provisional);
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
                int received = 0, resolved = 0, overdue = 0;
                String kecName = null;
                for (AreaTally a : list) {
                    received += a.received;
                    resolved += a.resolved;
                    overdue += a.overdue;
                    all.addAll(a.resolveMinutes);
                    kecName = kecName == null ? a.kecamatanName : kecName;
                }
                out.add(new AreaStats(tenantId, period.id(), e.getKey(), kecName, null, null, received, resolved,
                        all.medianHours(), overdue));
                for (AreaTally a : list) {
                    if (a.kelurahanCode != null) {
                        out.add(new AreaStats(tenantId, period.id(), a.kecamatanCode, a.kecamatanName, a.kelurahanCode,
                                a.kelurahanName, a.received, a.resolved, a.resolveMinutes.medianHours(), a.overdue));
                    }
                }
            }
            return out;
        }
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

    /** Per-RT counters: a handful of ints plus a 31-byte day quota, whatever the number of reports. */
    private static final class RtTally {
        int activitySubmitted, activityApproved, activityApprovedVerified, activityEligible, activityReturnedOrRejected;
        int serviceSteps, serviceStepsOnTime, complaintsReceived, complaintsResolved, complaintsConfirmed;
        byte[] perDay;
        String kecamatanCode, kelurahanCode, kelurahanName;
        Instant placedBy;
        String placedById;

        /** The RT's place is the area of its earliest case (ties: smallest case id): independent of read order. */
        void placeAt(ReportCase c) {
            if (c.area() == null || c.createdAt() == null) {
                return;
            }
            int cmp = placedBy == null ? -1 : c.createdAt().compareTo(placedBy);
            if (cmp < 0 || (cmp == 0 && c.caseId().compareTo(placedById) < 0)) {
                placedBy = c.createdAt();
                placedById = c.caseId();
                kecamatanCode = c.area().kecamatanCode();
                kelurahanCode = c.area().kelurahanCode();
                kelurahanName = c.area().kelurahanName();
            }
        }

        boolean takeDaySlot(int dayOfMonth, int maxPerDay) {
            if (perDay == null) {
                perDay = new byte[32];
            }
            if (perDay[dayOfMonth] >= maxPerDay) {
                return false;
            }
            perDay[dayOfMonth]++;
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
        final IntList resolveMinutes = new IntList();

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
