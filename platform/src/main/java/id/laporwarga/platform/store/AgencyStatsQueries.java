package id.laporwarga.platform.store;

import id.laporwarga.domain.intake.Channel;
import id.laporwarga.domain.port.AgencyStats;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.routing.AgencyCaseCounts;
import id.laporwarga.platform.FunctionEnvironment;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Per-agency counts from the {@code ByAgency} GSI (gsi2pk = {@code tenant#agencyId}, gsi2sk =
 * {@code createdAt#caseId}): one key-condition query per agency over the period, reading only {@code status}, the
 * current deadline ({@code gsi1sk = deadline#caseId}) and the {@code channel}. No scans.
 */
@Singleton
public class AgencyStatsQueries implements AgencyStats {
    /** The case item's attribute naming its channel ({@link DynamoCaseRepository#toItem}). */
    public static final String CHANNEL = "channel";
    /** The number of supporters merged into a master case ("me too"). */
    public static final String SUPPORTERS = "supporters";

    private final DynamoDbClient dynamo;
    private final String table;

    public AgencyStatsQueries(DynamoDbClient dynamo, FunctionEnvironment env) {
        this.dynamo = dynamo;
        this.table = env.require(FunctionEnvironment.TABLE_NAME);
    }

    /** Counts of the cases assigned to {@code agencyId} that were created in [{@code from}, {@code toExclusive}). */
    @Override
    public AgencyCaseCounts count(String tenantId, String agencyId, Instant from, Instant toExclusive, Instant now) {
        AgencyCaseCounts counts = AgencyCaseCounts.ZERO;
        Map<String, AttributeValue> start = null;
        String lower = TableKeys.sortable(from);
        // createdAt#caseId < toExclusive  <=>  createdAt <= toExclusive - 1 ms, any caseId
        String upper = TableKeys.sortable(toExclusive.minusMillis(1)) + "#\uffff";
        do {
            Map<String, String> names = new HashMap<>();
            names.put("#pk", TableKeys.GSI2_PK);
            names.put("#sk", TableKeys.GSI2_SK);
            names.put("#status", "status");
            names.put("#deadline", TableKeys.GSI1_SK);
            names.put("#channel", CHANNEL);
            names.put("#supporters", SUPPORTERS);
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(TableKeys.BY_AGENCY)
                    .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                    .projectionExpression("#status, #deadline, #channel, #supporters")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(Map.of(
                            ":pk", AttributeValue.fromS(TableKeys.agencyPk(tenantId, agencyId)),
                            ":from", AttributeValue.fromS(lower),
                            ":to", AttributeValue.fromS(upper)));
            if (start != null) {
                q.exclusiveStartKey(start);
            }
            QueryResponse page = dynamo.query(q.build());
            for (Map<String, AttributeValue> item : page.items()) {
                AttributeValue status = item.get("status");
                if (status == null) {
                    continue;
                }
                AttributeValue channel = item.get(CHANNEL);
                counts = counts.plus(CaseStatus.valueOf(status.s()), deadline(item.get(TableKeys.GSI1_SK)), false, now,
                        channel == null ? Channel.APP.name() : channel.s(), // cases before channels: the app
                        item.containsKey(SUPPORTERS) ? Long.parseLong(item.get(SUPPORTERS).n()) : 0);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return counts;
    }

    /** The deadline part of {@code deadline#caseId}; null for "no deadline". */
    static Instant deadline(AttributeValue gsi1sk) {
        if (gsi1sk == null || gsi1sk.s() == null) {
            return null;
        }
        String s = gsi1sk.s();
        int hash = s.indexOf('#');
        String time = hash < 0 ? s : s.substring(0, hash);
        if (time.equals(TableKeys.NO_DEADLINE)) {
            return null;
        }
        try {
            return Instant.parse(time);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
