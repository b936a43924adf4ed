package id.laporwarga.platform.store;

import id.laporwarga.domain.report.ReportCase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Cases fetched by key for the items of an index that projects keys (and filter attributes) only: BatchGetItem, 100
 * keys a call, unprocessed keys asked again (with a short back-off). The indexes stay small (cheap writes); a query
 * that needs whole cases pays one read of each case it returns.
 */
final class CaseBatches {
    static final int MAX_KEYS = 100;
    private static final int MAX_ROUNDS = 8;

    private CaseBatches() {
    }

    /** The cases of these index items, in the items' order; items whose case is gone are dropped. */
    static List<ReportCase> fetch(DynamoDbClient dynamo, DynamoCaseRepository cases, List<Map<String, AttributeValue>> items,
                                  boolean consistent) {
        List<ReportCase> out = new ArrayList<>(items.size());
        for (int from = 0; from < items.size(); from += MAX_KEYS) {
            List<Map<String, AttributeValue>> chunk = items.subList(from, Math.min(items.size(), from + MAX_KEYS));
            Map<String, Map<String, AttributeValue>> byPk = new HashMap<>();
            List<Map<String, AttributeValue>> keys = new ArrayList<>(chunk.size());
            for (Map<String, AttributeValue> item : chunk) {
                Map<String, AttributeValue> key = Map.of(TableKeys.PK, item.get(TableKeys.PK), TableKeys.SK, item.get(TableKeys.SK));
                if (!byPk.containsKey(item.get(TableKeys.PK).s())) {
                    keys.add(key);
                    byPk.put(item.get(TableKeys.PK).s(), null);
                }
            }
            Map<String, KeysAndAttributes> request = Map.of(cases.tableName(),
                    KeysAndAttributes.builder().keys(keys).consistentRead(consistent).build());
            for (int round = 0; !request.isEmpty(); round++) {
                if (round >= MAX_ROUNDS) {
                    throw new IllegalStateException("BatchGetItem left keys unprocessed " + MAX_ROUNDS + " times");
                }
                if (round > 0) {
                    sleep(25L << Math.min(round, 5));
                }
                Map<String, KeysAndAttributes> ask = request;
                BatchGetItemResponse r = dynamo.batchGetItem(b -> b.requestItems(ask));
                for (Map<String, AttributeValue> item : r.responses().getOrDefault(cases.tableName(), List.of())) {
                    byPk.put(item.get(TableKeys.PK).s(), item);
                }
                request = r.hasUnprocessedKeys() ? r.unprocessedKeys() : Map.of();
            }
            for (Map<String, AttributeValue> item : chunk) {
                Map<String, AttributeValue> full = byPk.get(item.get(TableKeys.PK).s());
                if (full != null && full.containsKey("doc")) {
                    out.add(cases.fromItem(full));
                }
            }
        }
        return out;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
