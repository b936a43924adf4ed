package id.laporwarga.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import id.laporwarga.emulators.SamTemplate;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The local equivalent of a Lambda SQS event source mapping ({@code Type: SQS} event): long-polls the queue, hands
 * batches of up to {@code BatchSize} messages (at most 10 per receive) to the function as an {@link SQSEvent} and
 * deletes what succeeded.
 *
 * <ul>
 *   <li>An exception fails the whole batch; with {@code FunctionResponseTypes: [ReportBatchItemFailures]} the
 *   {@link SQSBatchResponse#getBatchItemFailures()} fail only those messages (an unknown or empty item identifier
 *   fails the whole batch, as on Lambda).</li>
 *   <li>Failed messages are left on the queue, as on Lambda, but their visibility timeout is cut to
 *   {@code retryVisibilitySeconds} (1 s by default) so that local retries take seconds instead of the queue's
 *   VisibilityTimeout.</li>
 *   <li>Redrive: moto (like SQS) moves a message to the dead-letter queue itself when a receive would exceed the
 *   RedrivePolicy's maxReceiveCount. Should an emulator not do it, a message received with ApproximateReceiveCount
 *   above maxReceiveCount is moved here (sent to the DLQ, deleted) without invoking the function.</li>
 * </ul>
 */
final class SqsEventSource extends PollingLoop {
    private static final System.Logger LOG = System.getLogger(SqsEventSource.class.getName());

    private final LocalFunction function;
    private final SamTemplate.SqsEvent event;
    private final String queueUrl;
    private final String queueArn;
    private final String region;
    private final SqsClient sqs;
    private final int retryVisibilitySeconds;
    private final int waitSeconds;
    private final int maxReceiveCount;
    private final String deadLetterUrl;

    SqsEventSource(LocalFunction function, SamTemplate.SqsEvent event, String queueUrl, String queueArn,
                   String region, SqsClient sqs, int retryVisibilitySeconds, int waitSeconds,
                   java.util.function.Function<String, String> queueUrlForArn) {
        this.function = function;
        this.event = event;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.region = region;
        this.sqs = sqs;
        this.retryVisibilitySeconds = retryVisibilitySeconds;
        this.waitSeconds = waitSeconds;
        String redrive = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                .attributes().get(QueueAttributeName.REDRIVE_POLICY);
        int max = 0;
        String dlq = null;
        if (redrive != null && !redrive.isBlank()) {
            Map<String, Object> policy = Jsons.readMap(redrive);
            max = Integer.parseInt(String.valueOf(policy.get("maxReceiveCount")));
            dlq = queueUrlForArn.apply(String.valueOf(policy.get("deadLetterTargetArn")));
        }
        this.maxReceiveCount = max;
        this.deadLetterUrl = dlq;
    }

    /** The queue this event source polls. */
    String queueUrl() {
        return queueUrl;
    }

    String description() {
        return function.logicalId() + "." + event.name() + " <- " + queueUrl + " (BatchSize " + batchSize()
                + (event.reportsBatchItemFailures() ? ", ReportBatchItemFailures" : "")
                + (maxReceiveCount > 0 ? ", maxReceiveCount " + maxReceiveCount : "") + ")";
    }

    void start() {
        start("sqs-" + function.logicalId() + "-" + event.name());
    }

    /** Lets a long poll in flight end by itself. */
    void stop() {
        stop(false, (waitSeconds + 5) * 1000L);
    }

    @Override
    long idleMillis() {
        return 0; // the receive long-polls
    }

    @Override
    long errorPauseMillis() {
        return 1000;
    }

    @Override
    String polled() {
        return queueUrl + " for " + function.logicalId();
    }

    private int batchSize() {
        return Math.max(1, Math.min(10, event.batchSize()));
    }

    /** One receive, one invocation at most. */
    @Override
    boolean pollOnce() {
        @SuppressWarnings("deprecation")
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(batchSize())
                .waitTimeSeconds(waitSeconds).attributeNamesWithStrings("All")
                .messageSystemAttributeNamesWithStrings("All").messageAttributeNames("All")).messages();
        if (messages.isEmpty() || !running()) {
            return false;
        }
        List<Message> batch = new ArrayList<>();
        for (Message m : messages) {
            if (maxReceiveCount > 0 && deadLetterUrl != null && receiveCount(m) > maxReceiveCount) {
                sqs.sendMessage(b -> b.queueUrl(deadLetterUrl).messageBody(m.body())
                        .messageAttributes(m.messageAttributes()));
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                LOG.log(Level.INFO, "moved message " + m.messageId() + " to the dead-letter queue after "
                        + (receiveCount(m) - 1) + " receives");
            } else {
                batch.add(m);
            }
        }
        if (batch.isEmpty()) {
            return true;
        }
        Set<String> failed = new LinkedHashSet<>();
        Set<String> ids = new LinkedHashSet<>();
        batch.forEach(m -> ids.add(m.messageId()));
        try {
            Object result = function.invoke(toEvent(batch));
            if (event.reportsBatchItemFailures()) {
                failed.addAll(failures(result, ids));
            }
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, function.logicalId() + " failed on a batch of " + batch.size() + " from "
                    + queueUrl + "; the messages return after " + retryVisibilitySeconds + " s", e);
            failed.addAll(ids);
        }
        List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
        List<ChangeMessageVisibilityBatchRequestEntry> retries = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Message m = batch.get(i);
            if (failed.contains(m.messageId())) {
                retries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id("m" + i)
                        .receiptHandle(m.receiptHandle()).visibilityTimeout(retryVisibilitySeconds).build());
            } else {
                deletes.add(DeleteMessageBatchRequestEntry.builder().id("m" + i).receiptHandle(m.receiptHandle())
                        .build());
            }
        }
        if (!deletes.isEmpty()) {
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(deletes));
        }
        if (!retries.isEmpty()) {
            sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(retries));
        }
        return true;
    }

    /** Message ids the function reported as failed; all of them if the response is malformed (Lambda does so). */
    static Set<String> failures(Object result, Set<String> batchIds) {
        List<String> reported = new ArrayList<>();
        if (result == null) {
            return Set.of();
        }
        if (result instanceof SQSBatchResponse r) {
            if (r.getBatchItemFailures() == null) {
                return Set.of();
            }
            r.getBatchItemFailures().forEach(f -> reported.add(f == null ? null : f.getItemIdentifier()));
        } else {
            Object json = result instanceof LocalFunction.RawJson raw ? Jsons.read(raw.json())
                    : Jsons.read(Jsons.write(result));
            if (!(json instanceof Map<?, ?> m)) {
                return Set.of();
            }
            Object list = m.get("batchItemFailures");
            if (list == null) {
                return Set.of();
            }
            if (!(list instanceof List<?> l)) {
                return batchIds;
            }
            for (Object f : l) {
                reported.add(f instanceof Map<?, ?> fm && fm.get("itemIdentifier") != null
                        ? String.valueOf(fm.get("itemIdentifier")) : null);
            }
        }
        for (String id : reported) {
            if (id == null || id.isBlank() || !batchIds.contains(id)) {
                return batchIds;
            }
        }
        return new LinkedHashSet<>(reported);
    }

    private SQSEvent toEvent(List<Message> batch) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message m : batch) {
            SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
            r.setMessageId(m.messageId());
            r.setReceiptHandle(m.receiptHandle());
            r.setBody(m.body());
            r.setMd5OfBody(m.md5OfBody());
            r.setMd5OfMessageAttributes(m.md5OfMessageAttributes());
            Map<String, String> attributes = new LinkedHashMap<>(m.attributesAsStrings());
            r.setAttributes(attributes);
            Map<String, SQSEvent.MessageAttribute> messageAttributes = new HashMap<>();
            m.messageAttributes().forEach((k, v) -> messageAttributes.put(k, attribute(v)));
            r.setMessageAttributes(messageAttributes);
            r.setEventSource("aws:sqs");
            r.setEventSourceArn(queueArn);
            r.setAwsRegion(region);
            records.add(r);
        }
        SQSEvent e = new SQSEvent();
        e.setRecords(records);
        return e;
    }

    private static SQSEvent.MessageAttribute attribute(MessageAttributeValue v) {
        SQSEvent.MessageAttribute a = new SQSEvent.MessageAttribute();
        a.setDataType(v.dataType());
        a.setStringValue(v.stringValue());
        if (v.binaryValue() != null) {
            a.setBinaryValue(v.binaryValue().asByteBuffer());
        }
        a.setStringListValues(v.hasStringListValues() ? v.stringListValues() : List.of());
        a.setBinaryListValues(v.hasBinaryListValues()
                ? v.binaryListValues().stream().map(b -> b.asByteBuffer()).toList() : List.of());
        return a;
    }

    private static int receiveCount(Message m) {
        String c = m.attributesAsStrings().get("ApproximateReceiveCount");
        try {
            return c == null ? 0 : Integer.parseInt(c);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
