package id.laporwarga.domain.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a tenant scores its RTs: the components (weights, caps), the bands with their incentive in Rupiah, and the
 * rules that make the score hard to game. Tenant data ({@code policies.scoring} of the tenant document).
 *
 * <p>The positive components' weights add up to 100, so a perfect RT scores 100; penalties take points off; the
 * score is clamped to 0..100. The bands cover 0..100 without gaps or overlaps.
 *
 * @param maxActivitiesPerDay  activity reports counted per RT per local day (the rest are shown but earn nothing)
 * @param rtActionWorkingDays  working days the RT head has to act on a service request waiting for RT approval
 * @param lookbackMonths       earlier months whose cases are read too, because an event of this period (approval,
 *                             resolution) may belong to a case created before it
 */
public record ScoringPolicy(List<ScoreComponent> components, List<IncentiveBand> bands, int maxActivitiesPerDay,
                            int rtActionWorkingDays, int lookbackMonths) {
    public static final int MAX_SCORE = 100;

    public ScoringPolicy {
        components = List.copyOf(Objects.requireNonNull(components, "components"));
        List<IncentiveBand> sorted = new ArrayList<>(Objects.requireNonNull(bands, "bands"));
        sorted.sort(Comparator.comparingInt(IncentiveBand::minScore));
        bands = List.copyOf(sorted);
        List<String> problems = problems(components, bands, maxActivitiesPerDay, rtActionWorkingDays, lookbackMonths);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /**
     * A Makassar-like scheme (Perwali 3/2016 bands: 60-70 Rp250.000, 71-80 Rp500.000, 81-90 Rp750.000,
     * 91-100 Rp1.000.000 a month; below 60 nothing). Activity 50 points (full at 8 verified reports a month, at most 2 a
     * day), service timeliness 25, complaints resolved 25, minus 5 per returned/rejected report (at most 20).
     */
    public static ScoringPolicy defaults() {
        return new ScoringPolicy(
                List.of(new ScoreComponent(ScoreComponentType.VERIFIED_ACTIVITY, 50, 8, 0, 0),
                        new ScoreComponent(ScoreComponentType.SERVICE_TIMELINESS, 25, 0, 0, 100),
                        new ScoreComponent(ScoreComponentType.COMPLAINTS_RESOLVED, 25, 0, 0, 100),
                        new ScoreComponent(ScoreComponentType.RETURNED_PENALTY, 20, 0, 5, 0)),
                defaultBands(), 2, 2, 2);
    }

    public static List<IncentiveBand> defaultBands() {
        return List.of(new IncentiveBand(0, 59, 0, "Belum memenuhi"),
                new IncentiveBand(60, 70, 250_000, "Cukup"),
                new IncentiveBand(71, 80, 500_000, "Baik"),
                new IncentiveBand(81, 90, 750_000, "Sangat baik"),
                new IncentiveBand(91, 100, 1_000_000, "Istimewa"));
    }

    /** The band a score 0..100 falls in. */
    public IncentiveBand band(int score) {
        for (IncentiveBand b : bands) {
            if (b.contains(score)) {
                return b;
            }
        }
        throw new IllegalArgumentException("no band for score " + score);
    }

    /** Every reason the parts do not form a valid policy (empty when valid); used by the tenant document parser. */
    public static List<String> problems(List<ScoreComponent> components, List<IncentiveBand> bands,
                                        int maxActivitiesPerDay, int rtActionWorkingDays, int lookbackMonths) {
        List<String> problems = new ArrayList<>();
        if (components.isEmpty()) {
            problems.add("components: at least one");
        }
        Set<ScoreComponentType> seen = EnumSet.noneOf(ScoreComponentType.class);
        int positive = 0;
        for (ScoreComponent c : components) {
            if (!seen.add(c.type())) {
                problems.add("components: duplicate " + c.type());
            }
            if (!c.type().isPenalty()) {
                positive += c.weight();
            }
        }
        if (!components.isEmpty() && positive != MAX_SCORE) {
            problems.add("components: weights of the non-penalty components must add up to 100 (now " + positive + ")");
        }
        List<IncentiveBand> sorted = new ArrayList<>(bands);
        sorted.sort(Comparator.comparingInt(IncentiveBand::minScore));
        int next = 0;
        long lastAmount = -1;
        for (IncentiveBand b : sorted) {
            if (b.minScore() != next) {
                problems.add("bands: must cover 0..100 without gaps or overlaps (expected a band from " + next + ")");
                break;
            }
            if (b.amountRupiah() < lastAmount) {
                problems.add("bands: a higher band cannot pay less");
            }
            lastAmount = b.amountRupiah();
            next = b.maxScore() + 1;
        }
        if (!sorted.isEmpty() && next != MAX_SCORE + 1 && problems.stream().noneMatch(p -> p.startsWith("bands: must"))) {
            problems.add("bands: must end at 100");
        }
        if (sorted.isEmpty()) {
            problems.add("bands: at least one");
        }
        if (maxActivitiesPerDay < 1) {
            problems.add("maxActivitiesPerDay: at least 1");
        }
        if (rtActionWorkingDays < 1) {
            problems.add("rtActionWorkingDays: at least 1");
        }
        if (lookbackMonths < 0 || lookbackMonths > 12) {
            problems.add("lookbackMonths: 0..12");
        }
        return problems;
    }

    public ScoreComponent component(ScoreComponentType type) {
        return components.stream().filter(c -> c.type() == type).findFirst().orElse(null);
    }
}
