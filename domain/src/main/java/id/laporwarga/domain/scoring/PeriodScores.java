package id.laporwarga.domain.scoring;

import java.util.List;

/** The outcome of scoring one tenant's period: RT scores (by rtId) and area figures (by code), and how much was read. */
public record PeriodScores(String tenantId, String period, boolean provisional, List<RtScore> rtScores,
                           List<AreaStats> areas, long casesRead, long casesSkippedConfidential) {
    public PeriodScores {
        rtScores = List.copyOf(rtScores);
        areas = List.copyOf(areas);
    }
}
