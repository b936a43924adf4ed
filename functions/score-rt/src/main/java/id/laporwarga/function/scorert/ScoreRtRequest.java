package id.laporwarga.function.scorert;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One scoring job (a message of the score jobs queue), always for one tenant. From the schedules' fan-out:
 * {@code {"tenant":"kotamobagu","mode":"close"}} (monthly, the previous local month, final) or
 * {@code {"tenant":"kotamobagu","mode":"provisional"}} (daily, the month of yesterday). On demand:
 * {@code {"tenant":"kotamobagu","period":"2026-10"}} (final once the month is over, provisional before).
 */
@Serdeable
public record ScoreRtRequest(String tenant, String period, String mode) {
    public static final String CLOSE = "close";
    public static final String PROVISIONAL = "provisional";
}
