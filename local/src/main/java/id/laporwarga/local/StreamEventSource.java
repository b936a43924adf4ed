package id.laporwarga.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import id.laporwarga.emulators.SamTemplate;
import id.laporwarga.emulators.TableStream;
import java.io.ByteArrayInputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.event.ruler.Ruler;

/**
 * The local equivalent of a Lambda event source mapping on a DynamoDB stream ({@code Type: DynamoDB} event): polls the
 * table's stream through DynamoDB Local's Streams API ({@link TableStream}), keeps only the records the event's
 * {@code FilterCriteria} patterns match (evaluated by AWS's own {@code event-ruler}, as Lambda's filtering is), and hands
 * each shard's records, in order, to the function as a {@link DynamodbEvent} of up to {@code BatchSize} records.
 *
 * <ul>
 *   <li>With {@code ReportBatchItemFailures}, a {@link StreamsEventResponse} naming a record's sequence number
 *   checkpoints before it: the records before it are done, the next batch starts with it (an unknown or empty
 *   identifier fails the whole batch, as on Lambda).</li>
 *   <li>A function error (or a batch whose first record failed) with {@code BisectBatchOnFunctionError} splits the
 *   batch in two and retries the first half (a split costs no retry), so a record that keeps failing ends up alone;
 *   a batch of one that fails, or any failure without bisect, costs one retry.</li>
 *   <li>When a batch has failed {@code MaximumRetryAttempts} retries, its stream position (Lambda's
 *   {@code DDBStreamBatchInfo}) is sent to the {@code DestinationConfig.OnFailure} queue and its records are passed
 *   over. Retries come after {@code retryMillis}, new records are looked for every {@code pollMillis}.</li>
 * </ul>
 */
final class StreamEventSource extends PollingLoop {
    private static final System.Logger LOG = System.getLogger(StreamEventSource.class.getName());

    private final LocalFunction function;
    private final SamTemplate.StreamEvent event;
    private final TableStream stream;
    private final String functionArn;
    private final SqsClient sqs;
    private final String onFailureQueueUrl;
    private final long pollMillis;
    private final long retryMillis;
    private final Map<String, Deque<Map<String, Object>>> pending = new LinkedHashMap<>();
    private final Map<String, Integer> attempts = new HashMap<>();
    private final Map<String, Integer> limits = new HashMap<>();
    private final AtomicInteger invocations = new AtomicInteger();
    private final AtomicInteger deadLettered = new AtomicInteger();

    StreamEventSource(LocalFunction function, SamTemplate.StreamEvent event, TableStream stream, String functionArn,
                      SqsClient sqs, String onFailureQueueUrl, long pollMillis, long retryMillis) {
        this.function = function;
        this.event = event;
        this.stream = stream;
        this.functionArn = functionArn;
        this.sqs = sqs;
        this.onFailureQueueUrl = onFailureQueueUrl;
        this.pollMillis = pollMillis;
        this.retryMillis = retryMillis;
    }

    String description() {
        return function.logicalId() + "." + event.name() + " <- " + stream.streamArn() + " (BatchSize "
                + batchSize() + (event.filterPatterns().isEmpty() ? "" : ", " + event.filterPatterns().size()
                + " filter pattern(s)") + (event.reportsBatchItemFailures() ? ", ReportBatchItemFailures" : "")
                + (event.bisectBatchOnFunctionError() ? ", bisect" : "")
                + (event.maximumRetryAttempts() >= 0 ? ", MaximumRetryAttempts " + event.maximumRetryAttempts() : "")
                + (onFailureQueueUrl == null ? "" : ", on failure -> " + onFailureQueueUrl) + ")";
    }

    /** Invocations of the function so far. */
    int invocations() {
        return invocations.get();
    }

    /** Batches sent to the on-failure destination so far. */
    int deadLettered() {
        return deadLettered.get();
    }

    void start() {
        start("stream-" + function.logicalId() + "-" + event.name());
    }

    void stop() {
        stop(true, 5_000);
    }

    @Override
    long idleMillis() {
        return pollMillis;
    }

    @Override
    long errorPauseMillis() {
        return Math.max(pollMillis, 500);
    }

    @Override
    String polled() {
        return stream.streamArn() + " for " + function.logicalId();
    }

    private int batchSize() {
        return Math.max(1, Math.min(10_000, event.batchSize()));
    }

    /** One look at every shard: at most one invocation per shard. True when a batch was handed to the function. */
    @Override
    boolean pollOnce() {
        boolean invoked = false;
        for (String shard : stream.shards()) {
            Deque<Map<String, Object>> queue = pending.computeIfAbsent(shard, k -> new ArrayDeque<>());
            if (queue.size() < batchSize()) {
                for (Map<String, Object> record : stream.read(shard, batchSize())) {
                    if (matches(record)) {
                        queue.add(record);
                    }
                }
            }
            if (!queue.isEmpty() && running()) {
                invoke(shard, queue);
                invoked = true;
            }
        }
        return invoked;
    }

    private boolean matches(Map<String, Object> record) {
        if (event.filterPatterns().isEmpty()) {
            return true;
        }
        String json = Jsons.write(record);
        for (String pattern : event.filterPatterns()) {
            try {
                if (Ruler.matchesRule(json, pattern)) {
                    return true;
                }
            } catch (Exception e) {
                throw new IllegalStateException(function.logicalId() + "." + event.name() + ": FilterCriteria pattern "
                        + pattern + " is not valid: " + e.getMessage(), e);
            }
        }
        return false;
    }

    private void invoke(String shard, Deque<Map<String, Object>> queue) {
        int size = Math.min(limits.getOrDefault(shard, batchSize()), queue.size());
        List<Map<String, Object>> batch = new ArrayList<>(queue).subList(0, size);
        invocations.incrementAndGet();
        int failedAt;
        boolean error = false;
        try {
            Object result = function.invoke(toEvent(batch));
            failedAt = event.reportsBatchItemFailures() ? firstFailure(result, batch) : -1;
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, function.logicalId() + " failed on a batch of " + size + " from " + shard, e);
            failedAt = 0;
            error = true;
        }
        if (failedAt < 0) {
            done(queue, size);
            attempts.remove(shard);
            limits.remove(shard);
            return;
        }
        done(queue, failedAt);
        if (failedAt == 0 && event.bisectBatchOnFunctionError() && size > 1) {
            limits.put(shard, (size + 1) / 2); // a split is not a retry; it isolates the failing record
        } else {
            int tries = failedAt > 0 ? 1 : attempts.getOrDefault(shard, 0) + 1;
            attempts.put(shard, tries);
            if (event.maximumRetryAttempts() >= 0 && tries > event.maximumRetryAttempts()) {
                List<Map<String, Object>> rest = new ArrayList<>(queue).subList(0, Math.min(size - failedAt,
                        queue.size()));
                onFailure(shard, rest, tries);
                done(queue, rest.size());
                attempts.remove(shard);
                limits.remove(shard);
                return;
            }
        }
        sleep(retryMillis);
    }

    private static void done(Deque<Map<String, Object>> queue, int n) {
        for (int i = 0; i < n && !queue.isEmpty(); i++) {
            queue.removeFirst();
        }
    }

    /**
     * Index in {@code batch} of the record Lambda checkpoints before: the lowest reported sequence number; 0 (the
     * whole batch) for a malformed response; -1 when nothing failed.
     */
    static int firstFailure(Object result, List<Map<String, Object>> batch) {
        List<String> reported = new ArrayList<>();
        if (result instanceof StreamsEventResponse r) {
            if (r.getBatchItemFailures() == null) {
                return -1;
            }
            r.getBatchItemFailures().forEach(f -> reported.add(f == null ? null : f.getItemIdentifier()));
        } else if (result != null) {
            Object json = result instanceof LocalFunction.RawJson raw ? Jsons.read(raw.json())
                    : Jsons.read(Jsons.write(result));
            if (!(json instanceof Map<?, ?> m) || m.get("batchItemFailures") == null) {
                return -1;
            }
            if (!(m.get("batchItemFailures") instanceof List<?> l)) {
                return 0;
            }
            for (Object f : l) {
                reported.add(f instanceof Map<?, ?> fm && fm.get("itemIdentifier") != null
                        ? String.valueOf(fm.get("itemIdentifier")) : null);
            }
        }
        int first = -1;
        for (String id : reported) {
            int index = -1;
            for (int i = 0; i < batch.size(); i++) {
                if (TableStream.sequenceNumber(batch.get(i)).equals(id)) {
                    index = i;
                }
            }
            if (index < 0) {
                return 0; // an identifier that is not a record of the batch: the whole batch failed
            }
            first = first < 0 ? index : Math.min(first, index);
        }
        return first;
    }

    /** Lambda's on-failure record of a stream batch: where it is in the stream, not the records themselves. */
    private void onFailure(String shard, List<Map<String, Object>> batch, int tries) {
        deadLettered.incrementAndGet();
        LOG.log(Level.WARNING, function.logicalId() + ": a batch of " + batch.size() + " from " + shard
                + " ran out of retries" + (onFailureQueueUrl == null ? " and is dropped" : "; sent to " + onFailureQueueUrl));
        if (onFailureQueueUrl == null || batch.isEmpty()) {
            return;
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("shardId", shard);
        info.put("startSequenceNumber", TableStream.sequenceNumber(batch.get(0)));
        info.put("endSequenceNumber", TableStream.sequenceNumber(batch.get(batch.size() - 1)));
        info.put("approximateArrivalOfFirstRecord", arrival(batch.get(0)));
        info.put("approximateArrivalOfLastRecord", arrival(batch.get(batch.size() - 1)));
        info.put("batchSize", batch.size());
        info.put("streamArn", stream.streamArn());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("requestContext", Map.of("requestId", UUID.randomUUID().toString(), "functionArn", functionArn,
                "condition", "RetryAttemptsExhausted", "approximateInvokeCount", tries));
        message.put("responseContext", Map.of("statusCode", 200, "executedVersion", "$LATEST",
                "functionError", "Unhandled"));
        message.put("version", "1.0");
        message.put("timestamp", Instant.now().toString());
        message.put("DDBStreamBatchInfo", info);
        sqs.sendMessage(r -> r.queueUrl(onFailureQueueUrl).messageBody(Jsons.write(message)));
    }

    @SuppressWarnings("unchecked")
    private static String arrival(Map<String, Object> record) {
        Object at = ((Map<String, Object>) record.get("dynamodb")).get("ApproximateCreationDateTime");
        return at instanceof Number n ? Instant.ofEpochSecond(n.longValue()).toString() : null;
    }

    /** The batch as Lambda's runtime deserializes it for a Java handler. */
    static DynamodbEvent toEvent(List<Map<String, Object>> batch) {
        byte[] json = Jsons.write(Map.of("Records", batch)).getBytes(StandardCharsets.UTF_8);
        return LambdaEventSerializers.serializerFor(DynamodbEvent.class, StreamEventSource.class.getClassLoader())
                .fromJson(new ByteArrayInputStream(json));
    }
}
