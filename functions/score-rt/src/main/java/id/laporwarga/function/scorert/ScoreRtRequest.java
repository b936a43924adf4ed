package id.laporwarga.function.scorert;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What starts a scoring run. From the schedules: {@code {"mode":"close"}} (monthly, the previous local month, final) or
 * {@code {"mode":"provisional"}} (daily, the month of yesterday). On demand: {@code {"tenant":"kotamobagu",
 * "period":"2026-10"}} (final once the month is over, provisional before). {@code tenant} null = every tenant.
 */
@Serdeable
public record ScoreRtRequest(String tenant, String period, String mode) {
    public static final String CLOSE = "close";
    public static final String PROVISIONAL = "provisional";
}
