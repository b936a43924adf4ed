package id.laporwarga.platform.store;

import id.laporwarga.domain.port.NearbyCases;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.platform.FunctionEnvironment;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Open complaints near a point from the sparse {@code ByCell} GSI (gsi5pk = {@code tenant#category}, gsi5sk =
 * {@code createdAt#caseId}; only open complaints with a place carry it; the index projects their grid cell
 * {@code cell} and nothing else): ONE key-condition query from {@code since} on (the tenant's duplicate window, 24 h
 * by default), whatever the number of cells the radius touches; the items of the cells asked are then fetched by key
 * ({@link CaseBatches}; no call when none). No scans.
 */
@Singleton
public class NearbyCaseQueries implements NearbyCases {
    /** At most this many index items are read (a bigger window's cluster is offered in part). */
    static final int MAX_ITEMS = 1000;
    /** At most this many cases are fetched (the nearest are what the domain offers). */
    static final int MAX_CASES = 100;

    private final DynamoDbClient dynamo;
    private final DynamoCaseRepository cases;
    private final String table;

    public NearbyCaseQueries(DynamoDbClient dynamo, DynamoCaseRepository cases, FunctionEnvironment env) {
        this.dynamo = dynamo;
        this.cases = cases;
        this.table = env.require(FunctionEnvironment.TABLE_NAME);
    }

    @Override
    public List<ReportCase> openIn(String tenantId, String category, Collection<String> cells, Instant since,
                                   String exceptCaseId) {
        String pk = TableKeys.cellPk(tenantId, category);
        String from = TableKeys.sortable(since);
        if (cells.isEmpty() || !TableKeys.fitsKeyLimits(pk, from)) {
            return List.of();
        }
        Set<String> wanted = new HashSet<>(cells);
        String except = exceptCaseId == null ? null : TableKeys.casePk(exceptCaseId);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int read = 0;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table).indexName(TableKeys.BY_CELL)
                    .keyConditionExpression("#pk = :pk AND #sk >= :from")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.GSI5_PK, "#sk", TableKeys.GSI5_SK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk),
                            ":from", AttributeValue.fromS(from)))
                    .exclusiveStartKey(start)
                    .limit(MAX_ITEMS - read)
                    .build());
            read += page.count();
            for (Map<String, AttributeValue> item : page.items()) {
                AttributeValue cell = item.get(TableKeys.CELL);
                if (cell != null && wanted.contains(cell.s()) && keys.size() < MAX_CASES
                        && !item.get(TableKeys.PK).s().equals(except)) {
                    keys.add(item);
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && read < MAX_ITEMS);
        return keys.isEmpty() ? List.of() : CaseBatches.fetch(dynamo, cases, keys, false);
    }
}
