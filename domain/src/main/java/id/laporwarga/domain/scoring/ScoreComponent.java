package id.laporwarga.domain.scoring;

import java.util.Objects;

/**
 * One component of the score, as tenant data.
 *
 * @param weight        the most points this component can give (for a penalty: the most it can take off)
 * @param cap           for {@link ScoreComponentType#VERIFIED_ACTIVITY}: reports that earn the full weight; more count
 *                      no further (0 for the other types)
 * @param perItemPoints for a penalty: points taken off per returned/rejected report
 * @param noDataPercent for a ratio component without anything to measure in the period (no service request, no
 *                      complaint): the share of the weight given, 0-100
 */
public record ScoreComponent(ScoreComponentType type, int weight, int cap, int perItemPoints, int noDataPercent) {
    public ScoreComponent {
        Objects.requireNonNull(type, "type");
        if (weight < 0 || weight > 100) {
            throw new IllegalArgumentException("weight must be 0..100");
        }
        if (type == ScoreComponentType.VERIFIED_ACTIVITY && cap <= 0) {
            throw new IllegalArgumentException("cap must be > 0 for " + type);
        }
        if (noDataPercent < 0 || noDataPercent > 100) {
            throw new IllegalArgumentException("noDataPercent must be 0..100");
        }
        if (perItemPoints < 0) {
            throw new IllegalArgumentException("perItemPoints must be >= 0");
        }
    }
}
