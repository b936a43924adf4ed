package id.laporwarga.domain.scoring;

/**
 * One line of a score's breakdown, everything needed to recompute it by hand.
 *
 * @param raw         what was measured: a count (activity, penalty) or the numerator of a ratio
 * @param denominator for a ratio component, what the numerator is out of (0 = nothing to measure: {@code noData})
 * @param counted     the value that earned points: the count after the cap, or the numerator
 * @param cap         the activity cap (0 for other components)
 * @param weight      the most points this component can give or take
 * @param points      the points it gave (negative for a penalty); rounded half up to whole points
 * @param noData      true when a ratio component had nothing to measure and got its {@code noDataPercent}
 */
public record ComponentScore(ScoreComponentType type, long raw, long denominator, long counted, int cap, int weight,
                             int points, boolean noData) {
}
