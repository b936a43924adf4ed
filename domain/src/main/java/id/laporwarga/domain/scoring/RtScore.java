package id.laporwarga.domain.scoring;

import java.util.List;

/**
 * The score of one RT in one period, with its full breakdown. {@code sum(components.points) + clampAdjustment == score}
 * always holds; {@code clampAdjustment} is non-zero only when penalties would push the score below 0.
 *
 * @param provisional true for the daily run of an open period (the monthly close overwrites it)
 * @param active      false when the RT had no approved activity in the period: it then scores 0 ("tidak aktif")
 */
public record RtScore(String tenantId, String period, String rtId, String kecamatanCode, String kelurahanCode,
                      String kelurahanName, int score, String band, long incentiveRupiah, int clampAdjustment,
                      List<ComponentScore> components, RtCounts counts, boolean provisional,
                      boolean active) {
    public RtScore {
        components = List.copyOf(components);
    }

    /** The public label of an RT without approved activity in the period. */
    public static final String INACTIVE_LABEL = "tidak aktif";

    public int componentPointsSum() {
        return components.stream().mapToInt(ComponentScore::points).sum();
    }
}
