package id.laporwarga.platform.store;

import id.laporwarga.domain.port.NoticeDeliveries;
import id.laporwarga.platform.FunctionEnvironment;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Citizen-notice delivery records in the case's partition: {@code CASE#<caseId>} / {@code NOTICE#<noticeId>} with the
 * channel, outcome, provider message id and time (never the contact). Written once (conditional put).
 */
@Singleton
public class DynamoNoticeDeliveries implements NoticeDeliveries {
    static final String SK_PREFIX = "NOTICE#";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoNoticeDeliveries(DynamoDbClient dynamo, FunctionEnvironment env) {
        this.dynamo = dynamo;
        this.table = env.require(FunctionEnvironment.TABLE_NAME);
    }

    @Override
    public Optional<Delivery> find(String caseId, String noticeId) {
        var response = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key(caseId, noticeId)));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new Delivery(noticeId, caseId, Attributes.str(item, "noticeType"),
                Attributes.str(item, "channel"), Outcome.valueOf(Attributes.str(item, "outcome")),
                Attributes.str(item, "providerMessageId"), Instant.parse(Attributes.str(item, "at"))));
    }

    @Override
    public void record(Delivery d) {
        Map<String, AttributeValue> item = new HashMap<>(key(d.caseId(), d.noticeId()));
        item.put("type", AttributeValue.fromS("NOTICE_DELIVERY"));
        Attributes.putIf(item, "noticeType", d.noticeType());
        Attributes.putIf(item, "channel", d.channel());
        Attributes.putIf(item, "outcome", d.outcome().name());
        Attributes.putIf(item, "providerMessageId", d.providerMessageId());
        Attributes.putIf(item, "at", d.at().toString());
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.PK)));
        } catch (ConditionalCheckFailedException e) {
            // recorded by a concurrent delivery of the same notice: the first record stays
        }
    }

    private static Map<String, AttributeValue> key(String caseId, String noticeId) {
        return Map.of(TableKeys.PK, AttributeValue.fromS(TableKeys.casePk(caseId)),
                TableKeys.SK, AttributeValue.fromS(SK_PREFIX + noticeId));
    }
}
