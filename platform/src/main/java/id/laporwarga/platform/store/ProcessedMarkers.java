package id.laporwarga.platform.store;

import id.laporwarga.domain.geotag.PhotoVerification;
import id.laporwarga.platform.FunctionEnvironment;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Exactly-once side effects for at-least-once deliveries: {@link #markIfFirst} writes a marker with a conditional put
 * and answers whether this caller is the first to claim the id. Markers expire after 14 days (SQS keeps a message
 * at most 14 days, so no redelivery can come later).
 */
@Singleton
public class ProcessedMarkers implements PhotoVerification.OnceMarkers {
    public static final long TTL_SECONDS = 14L * 24 * 3600;
    private final DynamoDbClient dynamo;
    private final String table;

    public ProcessedMarkers(DynamoDbClient dynamo, FunctionEnvironment env) {
        this.dynamo = dynamo;
        this.table = env.require(FunctionEnvironment.TABLE_NAME);
    }

    /** True if the marker was written now; false if it existed (the effect was already done). */
    @Override
    public boolean markIfFirst(String scope, String id, Instant now) {
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(Map.of(
                            TableKeys.PK, AttributeValue.fromS(TableKeys.processedPk(scope, id)),
                            TableKeys.SK, AttributeValue.fromS("PROCESSED"),
                            "at", AttributeValue.fromS(TableKeys.sortable(now)),
                            TableKeys.TTL, AttributeValue.fromN(Long.toString(now.getEpochSecond() + TTL_SECONDS))))
                    .conditionExpression("attribute_not_exists(" + TableKeys.PK + ")"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Removes a marker (when the effect it guarded failed and must be retried). */
    @Override
    public void unmark(String scope, String id) {
        dynamo.deleteItem(r -> r.tableName(table).key(Map.of(
                TableKeys.PK, AttributeValue.fromS(TableKeys.processedPk(scope, id)),
                TableKeys.SK, AttributeValue.fromS("PROCESSED"))));
    }
}
