package id.laporwarga.function.scorert;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One export job (a message of the export jobs queue), for one tenant; {@code period} null = the previous local month
 * (the monthly schedule's fan-out). Example on demand: {@code {"tenant":"kotamobagu","period":"2026-10"}}.
 */
@Serdeable
public record ExportRequest(String tenant, String period) {
}
