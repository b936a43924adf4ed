package id.laporwarga.platform.testing;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import id.laporwarga.domain.outbox.OutboxEvent;
import id.laporwarga.emulators.ProvisionedStack;
import id.laporwarga.emulators.TableStream;
import id.laporwarga.platform.outbox.OutboxItems;
import id.laporwarga.testkit.LambdaEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox items a stack's functions wrote, read back from the {@code CasesTable}'s stream on DynamoDB Local (from
 * its start) as Lambda hands them to the outbox relay: only outbox inserts (the template's filter), in stream order.
 * For emulator tests of a function that writes events without running the relay.
 */
public final class StoredOutbox {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final TableStream stream;
    private final OutboxItems items;

    public StoredOutbox(ProvisionedStack stack, OutboxItems items) {
        this.stream = new TableStream(stack.aws().dynamoDbStreams(), stack.attribute("CasesTable", "StreamArn"),
                stack.aws().region(), "TRIM_HORIZON");
        this.items = items;
    }

    /** The outbox inserts written since the last call, as the relay's {@link DynamodbEvent} (maybe no record). */
    @SuppressWarnings("unchecked")
    public synchronized DynamodbEvent next() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (String shard : stream.shards()) {
            for (List<Map<String, Object>> read = stream.read(shard, 1000); !read.isEmpty();
                 read = stream.read(shard, 1000)) {
                for (Map<String, Object> r : read) {
                    Map<String, Object> image = (Map<String, Object>) ((Map<String, Object>) r.get("dynamodb"))
                            .get("NewImage");
                    Object type = image == null ? null : image.get(OutboxItems.RECORD_TYPE);
                    if ("INSERT".equals(r.get("eventName")) && type instanceof Map<?, ?> t
                            && OutboxItems.OUTBOX.equals(t.get("S"))) {
                        records.add(r);
                    }
                }
            }
        }
        try {
            return LambdaEvents.fromJson(JSON.writeValueAsString(Map.of("Records", records)), DynamodbEvent.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outbox events written since the last call, in stream order. */
    public List<OutboxEvent> events() {
        List<OutboxEvent> out = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord r : next().getRecords()) {
            items.fromImage(r.getDynamodb().getNewImage()).ifPresent(out::add);
        }
        return out;
    }

    /** The first event of {@code caseId} with {@code eventType} among {@code events}. */
    public static Optional<OutboxEvent> find(List<OutboxEvent> events, String caseId, String eventType) {
        return events.stream().filter(e -> e.caseId().equals(caseId) && e.eventType().equals(eventType)).findFirst();
    }
}
