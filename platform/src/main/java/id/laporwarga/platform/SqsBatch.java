package id.laporwarga.platform;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import id.laporwarga.platform.log.JsonLog;
import java.util.ArrayList;
import java.util.List;

/**
 * One SQS batch with partial batch failures ({@code ReportBatchItemFailures}): each record is processed on its own
 * with {@code function} and {@code messageId} in the log context; a record that throws is logged and reported alone,
 * so only it is retried (and dead-lettered after the queue's maxReceiveCount) while the rest of its batch succeeds.
 */
public final class SqsBatch {
    private static final JsonLog LOG = JsonLog.get(SqsBatch.class);

    /** What to do with one record. */
    @FunctionalInterface
    public interface Record {
        void process(SQSEvent.SQSMessage message) throws Exception;
    }

    /** Thrown by a record that should just be retried later: logged as a warning with {@code event}, not an error. */
    public static final class RetryLater extends RuntimeException {
        private final String event;

        public RetryLater(String event) {
            super(event, null, false, false);
            this.event = event;
        }

        public String event() {
            return event;
        }
    }

    private SqsBatch() {
    }

    /**
     * Processes every record of {@code event}; a failure is logged as {@code failureEvent} with the message's
     * {@code receiveCount}. Returns the failed message ids.
     */
    public static SQSBatchResponse process(SQSEvent event, String function, String failureEvent, Record record) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : records) {
            JsonLog.clear();
            JsonLog.put("function", function);
            JsonLog.put("messageId", message.getMessageId());
            try {
                record.process(message);
            } catch (RetryLater e) {
                LOG.warn(e.event());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            } catch (Exception e) {
                LOG.error(failureEvent, e, "receiveCount", message.getAttributes() == null ? null
                        : message.getAttributes().get("ApproximateReceiveCount"));
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        JsonLog.clear();
        return new SQSBatchResponse(failures);
    }
}
