package id.laporwarga.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.laporwarga.local.testfns.StreamRecorderHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The runner's DynamoDB stream event source (Lambda's event source mapping) on DynamoDB Local's stream of a small
 * table: the FilterCriteria pattern, stream order, a partial batch failure checkpointing before the failed record,
 * bisect on a function error, and a batch that runs out of retries going to the on-failure queue.
 */
@Tag("emulator")
@Timeout(120)
class StreamEventSourceIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static DevStack local;
    private static String table;

    @BeforeAll
    static void start() throws Exception {
        Path template = Path.of(StreamEventSourceIT.class.getResource("/local-stream-test-template.yaml").toURI());
        local = DevStack.start(DevStackOptions.forTests().template(template).stackName("stream-test")
                .onboardSampleTenants(false));
        table = local.stack().physicalId("Items");
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            local.close();
        }
    }

    /** Items written in one transaction (one write, several stream records), each {@code key=fail} or a bare key. */
    static void write(String... items) {
        List<TransactWriteItem> writes = new ArrayList<>();
        for (String item : items) {
            String[] parts = item.split("=");
            Map<String, AttributeValue> attributes = new LinkedHashMap<>();
            attributes.put("pk", AttributeValue.fromS(parts[0]));
            attributes.put("recordType", AttributeValue.fromS(parts[0].startsWith("case-") ? "CASE" : "OUTBOX"));
            if (parts.length > 1) {
                attributes.put("fail", AttributeValue.fromS(parts[1]));
            }
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(attributes).build()).build());
        }
        local.aws().dynamoDb().transactWriteItems(r -> r.transactItems(writes));
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(what + "; batches: " + StreamRecorderHandler.BATCHES + ", done: " + StreamRecorderHandler.DONE);
            }
            Thread.sleep(50);
        }
    }

    static int done(String key) {
        return Collections.frequency(new ArrayList<>(StreamRecorderHandler.DONE), key);
    }

    @Test
    void onlyOutboxInsertsReachTheFunctionInStreamOrderAndAPartialFailureResumesAtTheFailedRecord() throws Exception {
        write("p-a", "case-1", "p-b=once", "p-c");
        await("a, b and c done", () -> done("p-a") == 1 && done("p-b") == 1 && done("p-c") == 1);
        write("case-2");
        write("p-d");
        await("d done", () -> done("p-d") == 1);

        List<List<String>> batches = new ArrayList<>(StreamRecorderHandler.BATCHES);
        assertTrue(batches.stream().flatMap(List::stream).noneMatch(k -> k.startsWith("case-")),
                "the filter keeps case items away: " + batches);
        List<String> order = new ArrayList<>(StreamRecorderHandler.DONE).stream().filter(k -> k.startsWith("p-"))
                .toList();
        assertEquals(List.of("p-a", "p-b", "p-c", "p-d"), order, "each once, in stream order");
        // the record that failed came back first in the next batch, the ones before it did not come back
        int failedIn = -1;
        for (int i = 0; i < batches.size(); i++) {
            if (batches.get(i).contains("p-b")) {
                failedIn = i;
                break;
            }
        }
        assertEquals("p-b", batches.get(failedIn + 1).get(0), batches.toString());
    }

    @Test
    void aFunctionErrorSplitsTheBatchAndABatchOutOfRetriesGoesToTheOnFailureQueue() throws Exception {
        write("q-a", "q-b", "q-c=boom", "q-d");
        await("q-a..q-d done", () -> done("q-a") == 1 && done("q-b") == 1 && done("q-c") == 1 && done("q-d") == 1);
        List<List<String>> batches = new ArrayList<>(StreamRecorderHandler.BATCHES);
        List<String> failed = batches.stream().filter(b -> b.contains("q-c")).findFirst().orElseThrow();
        List<String> next = batches.get(batches.indexOf(failed) + 1);
        assertEquals((failed.size() + 1) / 2, next.size(), "bisected after the error: " + batches);

        write("r-poison=always", "r-after");
        await("the batch after the poison is processed", () -> done("r-after") == 1);
        assertEquals(0, done("r-poison"));
        // split off from r-after (no retry spent), then its first try and MaximumRetryAttempts (2) retries alone
        List<List<String>> alone = StreamRecorderHandler.BATCHES.stream().filter(b -> b.equals(List.of("r-poison")))
                .toList();
        assertEquals(3, alone.size(), String.valueOf(StreamRecorderHandler.BATCHES));
        String dlq = local.stack().queueUrl("RecorderDLQ");
        List<Message> letters = local.aws().sqs().receiveMessage(r -> r.queueUrl(dlq).waitTimeSeconds(2)
                .maxNumberOfMessages(10)).messages();
        assertEquals(1, letters.size());
        JsonNode info = JSON.readTree(letters.get(0).body());
        assertEquals("RetryAttemptsExhausted", info.at("/requestContext/condition").asText());
        assertEquals(local.stack().attribute("Items", "StreamArn"), info.at("/DDBStreamBatchInfo/streamArn").asText());
        assertEquals(1, info.at("/DDBStreamBatchInfo/batchSize").asInt(), "only the poison: " + info);
        assertTrue(info.at("/DDBStreamBatchInfo/startSequenceNumber").asText().matches("\\d+"), info.toString());
        assertEquals(info.at("/DDBStreamBatchInfo/startSequenceNumber").asText(),
                info.at("/DDBStreamBatchInfo/endSequenceNumber").asText());
    }
}
