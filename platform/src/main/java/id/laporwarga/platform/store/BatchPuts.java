package id.laporwarga.platform.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Puts many items with BatchWriteItem, 25 at a time, retrying what DynamoDB leaves unprocessed (with backoff). */
final class BatchPuts {
    private static final int BATCH = 25;

    private BatchPuts() {
    }

    static void put(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items) {
        for (int i = 0; i < items.size(); i += BATCH) {
            List<WriteRequest> writes = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(i, Math.min(items.size(), i + BATCH))) {
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(table, writes);
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                Map<String, List<WriteRequest>> request = pendingCopy(pending);
                BatchWriteItemResponse r = dynamo.batchWriteItem(b -> b.requestItems(request));
                pending = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
                if (!pending.isEmpty()) {
                    if (attempt > 10) {
                        throw new IllegalStateException("DynamoDB kept items unprocessed");
                    }
                    sleep(attempt);
                }
            }
        }
    }

    private static Map<String, List<WriteRequest>> pendingCopy(Map<String, List<WriteRequest>> pending) {
        Map<String, List<WriteRequest>> copy = new HashMap<>();
        pending.forEach((k, v) -> {
            if (!v.isEmpty()) {
                copy.put(k, v);
            }
        });
        return copy;
    }

    private static void sleep(int attempt) {
        try {
            Thread.sleep(Math.min(1000, 20L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
