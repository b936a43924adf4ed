package id.laporwarga.domain.workflow;

import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.ReportCase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Time spent in each tier, measured from the audit trail: a case entered a state at the history entry that moved it
 * there and left it at the next entry. End to end runs from submission to the first terminal state. This turns a
 * promise such as "45 minutes from RT to kecamatan" into a measured figure per tenant.
 */
public final class ServiceTimes {
    private ServiceTimes() {
    }

    /** One stay in a state; {@code leftAt} null while the case is still there. */
    public record TierTime(CaseStatus status, Instant enteredAt, Instant leftAt, Long seconds) {
    }

    /** The tiers of one case and its end-to-end time (null until it reached a terminal state). */
    public record CaseTimes(List<TierTime> tiers, Long endToEndSeconds) {
    }

    public static CaseTimes of(ReportCase c) {
        List<HistoryEntry> h = c.history();
        List<TierTime> tiers = new ArrayList<>();
        Long endToEnd = null;
        for (int i = 0; i < h.size(); i++) {
            HistoryEntry e = h.get(i);
            Instant left = i + 1 < h.size() ? h.get(i + 1).at() : null;
            tiers.add(new TierTime(e.to(), e.at(), left,
                    left == null ? null : Duration.between(e.at(), left).toSeconds()));
            if (endToEnd == null && e.to() != null && e.to().isTerminal() && c.createdAt() != null) {
                endToEnd = Duration.between(c.createdAt(), e.at()).toSeconds();
            }
        }
        return new CaseTimes(tiers, endToEnd);
    }

    /** Median, 90th percentile and mean of a list of durations, in minutes. */
    public record Stats(int count, double medianMinutes, double p90Minutes, double meanMinutes) {
        static Stats of(List<Long> seconds) {
            if (seconds.isEmpty()) {
                return new Stats(0, 0, 0, 0);
            }
            List<Long> sorted = seconds.stream().sorted().toList();
            double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0) / 60.0;
            return new Stats(sorted.size(), round(percentile(sorted, 50) / 60.0), round(percentile(sorted, 90) / 60.0),
                    round(mean));
        }
    }

    /** Per-tenant figure over finished cases: per tier, end to end, and the share finished within {@code target}. */
    public record Summary(int cases, Map<CaseStatus, Stats> tiers, Stats endToEnd, Long targetMinutes,
                          Double withinTargetShare) {
    }

    public static Summary summarize(List<ReportCase> finished, Duration target) {
        Map<CaseStatus, List<Long>> perTier = new EnumMap<>(CaseStatus.class);
        List<Long> ends = new ArrayList<>();
        for (ReportCase c : finished) {
            CaseTimes t = of(c);
            if (t.endToEndSeconds() == null) {
                continue;
            }
            ends.add(t.endToEndSeconds());
            for (TierTime tier : t.tiers()) {
                if (tier.seconds() != null && tier.status() != null) {
                    perTier.computeIfAbsent(tier.status(), k -> new ArrayList<>()).add(tier.seconds());
                }
            }
        }
        Map<CaseStatus, Stats> tiers = new LinkedHashMap<>();
        perTier.forEach((status, list) -> tiers.put(status, Stats.of(list)));
        Double share = null;
        if (target != null && !ends.isEmpty()) {
            long within = ends.stream().filter(s -> s <= target.toSeconds()).count();
            share = round((double) within / ends.size());
        }
        return new Summary(ends.size(), tiers, Stats.of(ends), target == null ? null : target.toMinutes(), share);
    }

    /**
     * The sum of the elapsed-time deadlines along the workflow's main path ({@link Workflow#mainPath()}; null if a step
     * there counts working days), e.g. Portal Emas' 45 minutes from RT to kecamatan.
     */
    public static Duration target(Workflow workflow) {
        Duration total = Duration.ZERO;
        for (StepRule s : workflow.mainPath()) {
            if (s.deadline() == null) {
                continue;
            }
            Duration d = s.deadline().elapsed();
            if (d == null) {
                return null;
            }
            total = total.plus(d);
        }
        return total;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
