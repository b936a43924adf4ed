package id.laporwarga.domain.scoring;

import java.util.Objects;

/** A score band (inclusive bounds) and the monthly incentive paid for it, in whole Rupiah. */
public record IncentiveBand(int minScore, int maxScore, long amountRupiah, String label) {
    public IncentiveBand {
        Objects.requireNonNull(label, "label");
        if (minScore > maxScore) {
            throw new IllegalArgumentException("minScore > maxScore");
        }
        if (amountRupiah < 0) {
            throw new IllegalArgumentException("amountRupiah must be >= 0");
        }
    }

    public boolean contains(int score) {
        return score >= minScore && score <= maxScore;
    }
}
