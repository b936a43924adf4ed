package id.laporwarga.domain.port;

import id.laporwarga.domain.scoring.AreaStats;
import id.laporwarga.domain.scoring.PeriodScores;
import id.laporwarga.domain.scoring.RtScore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored RT scores per tenant and period, with the area figures and each RT's trend. */
public interface RtScores {
    String FINAL = "FINAL";
    String PROVISIONAL = "PROVISIONAL";

    /** The header of a stored period: FINAL or PROVISIONAL, when, and what the run read. */
    record PeriodHeader(String tenantId, String period, String status, String computedAt, long casesRead, int rtCount) {
    }

    /** Stores a period's scores; false (nothing written) when they are provisional and the period is closed. */
    boolean save(PeriodScores scores, Instant computedAt);

    Optional<PeriodHeader> header(String tenantId, String period);

    List<RtScore> rtScores(String tenantId, String period);

    Optional<RtScore> rtScore(String tenantId, String period, String rtId);

    /** The RT's scores of at most {@code limit} periods up to {@code period}, newest first. */
    List<RtScore> trend(String tenantId, String rtId, String period, int limit);

    /** Per kecamatan, each followed by its kelurahan. */
    List<AreaStats> areas(String tenantId, String period);
}
