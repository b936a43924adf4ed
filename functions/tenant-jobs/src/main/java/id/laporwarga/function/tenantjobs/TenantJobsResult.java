package id.laporwarga.function.tenantjobs;

import io.micronaut.serde.annotation.Serdeable;

/** What a fan-out did: the job, the tenants it concerns and the messages the queue accepted. */
@Serdeable
public record TenantJobsResult(String job, int tenants, int sent) {
}
