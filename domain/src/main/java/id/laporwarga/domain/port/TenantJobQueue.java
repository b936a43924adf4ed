package id.laporwarga.domain.port;

import java.util.List;

/**
 * Per-tenant batch work: one message per tenant and job on the job's queue, so that each tenant's scoring, export or
 * escalation runs in an invocation of its own (a large or failing tenant neither blocks nor times out the others; a
 * message that keeps failing lands in the dead-letter queue with its tenant).
 */
public interface TenantJobQueue {
    enum Job {
        SCORE, EXPORT, ESCALATE
    }

    /** One tenant's job: {@code mode} and {@code period} as the job takes them (null: its default). */
    record Message(Job job, String tenant, String mode, String period) {
    }

    /** Sends the messages (in batches); returns how many were accepted. */
    int send(List<Message> messages);
}
