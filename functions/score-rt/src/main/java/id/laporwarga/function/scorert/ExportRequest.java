package id.laporwarga.function.scorert;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What the export exports: {@code tenant} null = every tenant; {@code period} null = the previous local month (the
 * monthly schedule). Example on demand: {@code {"tenant":"kotamobagu","period":"2026-10"}}.
 */
@Serdeable
public record ExportRequest(String tenant, String period) {
}
