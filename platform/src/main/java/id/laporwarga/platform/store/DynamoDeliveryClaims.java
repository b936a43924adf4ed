package id.laporwarga.platform.store;

import id.laporwarga.domain.routing.DeliveryClaims;
import id.laporwarga.platform.FunctionEnvironment;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Publish claims for agency alerts and citizen notices in the single table (pk {@code DELIVERY#<key>}, sk
 * {@code CLAIM}): a conditional put takes a free or stale claim, {@link #complete} stores the message id once the
 * broker accepted the message. Claims expire (TTL) after 14 days, like {@link ProcessedMarkers}.
 *
 * <p>The lease ({@link #LEASE}) is shorter than the routing queue's visibility timeout, so a message redelivered after
 * its consumer crashed mid-publish takes the claim over instead of waiting for it forever.
 */
@Singleton
public class DynamoDeliveryClaims implements DeliveryClaims {
    public static final Duration LEASE = Duration.ofSeconds(90);
    static final String SK = "CLAIM";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDeliveryClaims(DynamoDbClient dynamo, FunctionEnvironment env) {
        this.dynamo = dynamo;
        this.table = env.require(FunctionEnvironment.TABLE_NAME);
    }

    static String pk(String key) {
        return "DELIVERY#" + key;
    }

    @Override
    public Claim claim(String key, Instant now) {
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(Map.of(
                            TableKeys.PK, AttributeValue.fromS(pk(key)),
                            TableKeys.SK, AttributeValue.fromS(SK),
                            "claimedAt", AttributeValue.fromS(TableKeys.sortable(now)),
                            TableKeys.TTL, AttributeValue.fromN(Long.toString(
                                    now.getEpochSecond() + ProcessedMarkers.TTL_SECONDS))))
                    .conditionExpression("attribute_not_exists(#pk) OR "
                            + "(attribute_not_exists(messageId) AND claimedAt < :staleBefore)")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.PK))
                    .expressionAttributeValues(Map.of(
                            ":staleBefore", AttributeValue.fromS(TableKeys.sortable(now.minus(LEASE))))));
            return Claim.acquired();
        } catch (ConditionalCheckFailedException e) {
            var stored = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key(key)));
            AttributeValue messageId = stored.hasItem() ? stored.item().get("messageId") : null;
            return messageId != null ? Claim.completed(messageId.s()) : Claim.heldByOther();
        }
    }

    @Override
    public void complete(String key, String messageId) {
        dynamo.updateItem(r -> r.tableName(table).key(key(key))
                .updateExpression("SET messageId = :m")
                .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(messageId))));
    }

    @Override
    public void release(String key) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(key(key))
                    .conditionExpression("attribute_not_exists(messageId)"));
        } catch (ConditionalCheckFailedException e) {
            // completed meanwhile: keep it, the message id is what stops a second publish
        }
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of(TableKeys.PK, AttributeValue.fromS(pk(key)), TableKeys.SK, AttributeValue.fromS(SK));
    }
}
