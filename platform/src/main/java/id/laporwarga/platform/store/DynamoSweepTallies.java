package id.laporwarga.platform.store;

import id.laporwarga.domain.port.SweepTallies;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.platform.FunctionEnvironment;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sweeper's tallies in the single table: {@code pk = SWEEP#<tenant>}, {@code sk = <local day>}, one Number
 * attribute per state (an atomic {@code ADD} per run); a date range is one Query. Kept 400 days ({@code expiresAt}),
 * longer than the statistics' widest range.
 */
@Singleton
public class DynamoSweepTallies implements SweepTallies {
    static final long TTL_DAYS = 400;
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSweepTallies(DynamoDbClient dynamo, FunctionEnvironment env) {
        this.dynamo = dynamo;
        this.table = env.require(FunctionEnvironment.TABLE_NAME);
    }

    @Override
    public void add(String tenantId, LocalDate day, Map<CaseStatus, Integer> counts) {
        if (counts.isEmpty()) {
            return;
        }
        StringBuilder expression = new StringBuilder("SET " + TableKeys.TTL + " = :ttl ADD ");
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":ttl", AttributeValue.fromN(Long.toString(day.plusDays(TTL_DAYS).toEpochDay() * 86_400)));
        int i = 0;
        for (Map.Entry<CaseStatus, Integer> e : counts.entrySet()) {
            expression.append(i == 0 ? "" : ", ").append("#s").append(i).append(" :n").append(i);
            names.put("#s" + i, e.getKey().name());
            values.put(":n" + i, AttributeValue.fromN(Integer.toString(e.getValue())));
            i++;
        }
        dynamo.updateItem(r -> r.tableName(table)
                .key(Map.of(TableKeys.PK, AttributeValue.fromS(TableKeys.sweepPk(tenantId)),
                        TableKeys.SK, AttributeValue.fromS(day.toString())))
                .updateExpression(expression.toString())
                .expressionAttributeNames(names).expressionAttributeValues(values));
    }

    @Override
    public Map<CaseStatus, Long> sum(String tenantId, LocalDate from, LocalDate to) {
        Map<CaseStatus, Long> out = new EnumMap<>(CaseStatus.class);
        var pages = dynamo.queryPaginator(r -> r.tableName(table)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.sweepPk(tenantId)),
                        ":from", AttributeValue.fromS(from.toString()), ":to", AttributeValue.fromS(to.toString()))));
        pages.items().forEach(item -> item.forEach((name, value) -> {
            if (value.n() != null && !TableKeys.TTL.equals(name)) {
                for (CaseStatus s : CaseStatus.values()) {
                    if (s.name().equals(name)) {
                        out.merge(s, Long.parseLong(value.n()), Long::sum);
                    }
                }
            }
        }));
        return out;
    }
}
