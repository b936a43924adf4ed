package id.laporwarga.function.routetoagency;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import id.laporwarga.domain.outbox.OutboxEvent;
import id.laporwarga.domain.port.OutboxPublisher;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.outbox.OutboxItems;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The outbox relay: publishes the outbox items of a batch of the table's stream, in stream order, each on its topic
 * ({@link OutboxPublisher}). It stops at the first record it cannot publish and reports that record's sequence
 * number as the batch's failure, so Lambda (ReportBatchItemFailures) retries from there and nothing after it is
 * published out of order or twice. A publish that fails for a passing reason (SNS unreachable, throttled) is tried
 * again after a pause while the batch's {@link #BUDGET} lasts; a record that is not an outbox item is passed over.
 * At least once: a relay that dies after SNS accepted a message and before Lambda recorded the batch publishes it
 * again; consumers de-duplicate on the {@code eventId} attribute.
 */
@Singleton
public class OutboxRelay {
    private static final JsonLog LOG = JsonLog.get(OutboxRelay.class);
    /** No publish starts later than this after the batch started (the function's timeout is 60 s, a publish ≤ 10 s). */
    static final Duration BUDGET = Duration.ofSeconds(40);
    static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

    private final OutboxPublisher publisher;
    private final OutboxItems items;
    private final LongSupplier nanoTime;

    public OutboxRelay(OutboxPublisher publisher, OutboxItems items) {
        this(publisher, items, System::nanoTime);
    }

    OutboxRelay(OutboxPublisher publisher, OutboxItems items, LongSupplier nanoTime) {
        this.publisher = publisher;
        this.items = items;
        this.nanoTime = nanoTime;
    }

    /** Before the SnapStart snapshot: the item parser on a record that is not an outbox item (nothing is published). */
    void prime() {
        items.fromImage(java.util.Map.of());
    }

    public StreamsEventResponse relay(DynamodbEvent event) {
        long deadline = nanoTime.getAsLong() + BUDGET.toNanos();
        List<DynamodbEvent.DynamodbStreamRecord> records = event == null || event.getRecords() == null ? List.of()
                : event.getRecords();
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            String sequence = record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber();
            JsonLog.clear();
            JsonLog.put("function", "OutboxRelay");
            JsonLog.put("sequenceNumber", sequence);
            try {
                Optional<OutboxEvent> outbox = items.fromImage(record.getDynamodb() == null ? null
                        : record.getDynamodb().getNewImage());
                if (outbox.isEmpty()) {
                    LOG.warn("outbox_record_skipped", "eventName", record.getEventName());
                    continue;
                }
                if (!publish(outbox.get(), deadline)) {
                    return failedFrom(sequence, records.size());
                }
            } catch (OutboxPublisher.Unavailable e) {
                LOG.warn("outbox_publish_failed", "errorType", e.getCause().getClass().getName(),
                        "errorMessage", String.valueOf(e.getCause().getMessage()));
                return failedFrom(sequence, records.size());
            } catch (RuntimeException e) {
                LOG.error("outbox_publish_failed", e);
                return failedFrom(sequence, records.size());
            }
        }
        JsonLog.clear();
        return new StreamsEventResponse(new ArrayList<>());
    }

    /** Publishes, pausing and trying again while SNS is unreachable and the budget lasts; false when it ran out. */
    private boolean publish(OutboxEvent e, long deadline) {
        JsonLog.put("eventId", e.eventId());
        JsonLog.put("caseId", e.caseId());
        JsonLog.put("tenant", e.tenantId());
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            if (nanoTime.getAsLong() > deadline) {
                LOG.warn("outbox_budget_spent", "attempts", attempt - 1);
                return false;
            }
            try {
                String messageId = publisher.publish(e);
                LOG.info("outbox_published", "channel", e.channel().name(), "eventType", e.eventType(),
                        "messageId", messageId, "attempts", attempt);
                return true;
            } catch (RuntimeException failure) {
                if (!(failure instanceof OutboxPublisher.Unavailable)
                        || nanoTime.getAsLong() + pause.toNanos() > deadline) {
                    throw failure;
                }
                LOG.warn("outbox_publish_retry", "attempt", attempt, "errorType", failure.getClass().getName());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private static StreamsEventResponse failedFrom(String sequence, int batchSize) {
        LOG.warn("outbox_batch_retry_from", "batchSize", batchSize);
        JsonLog.clear();
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        failures.add(new StreamsEventResponse.BatchItemFailure(sequence));
        return new StreamsEventResponse(failures);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
