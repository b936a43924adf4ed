package id.laporwarga.function.tenantjobs;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What a schedule (or an operator) asks for: {@code job} is {@code score}, {@code export} or {@code escalate};
 * {@code mode} and {@code period} go into every message as the job takes them (score: {@code close} or
 * {@code provisional}, or a {@code period}); {@code tenant} null = every onboarded tenant, one message each.
 * Examples: {@code {"job":"score","mode":"close"}}, {@code {"job":"export","tenant":"kotamobagu","period":"2026-10"}}.
 */
@Serdeable
public record TenantJobsRequest(String job, String mode, String tenant, String period) {
}
