package id.laporwarga.platform.store;

import id.laporwarga.domain.port.NearbyCases;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.platform.FunctionEnvironment;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Open complaints near a point from the sparse {@code ByCell} GSI (gsi5pk = {@code tenant#category#cell}, gsi5sk =
 * {@code createdAt#caseId}; only open complaints with a place carry it): one key-condition query per grid cell, from
 * {@code since} on. No scans. The index projects keys only: the candidates found are fetched by key
 * ({@link CaseBatches}; none when the cells are empty).
 */
@Singleton
public class NearbyCaseQueries implements NearbyCases {
    /** At most this many cases per cell are read (a duplicate cluster bigger than that is offered in part). */
    static final int MAX_PER_CELL = 50;

    private final DynamoDbClient dynamo;
    private final DynamoCaseRepository cases;
    private final String table;

    public NearbyCaseQueries(DynamoDbClient dynamo, DynamoCaseRepository cases, FunctionEnvironment env) {
        this.dynamo = dynamo;
        this.cases = cases;
        this.table = env.require(FunctionEnvironment.TABLE_NAME);
    }

    @Override
    public List<ReportCase> openIn(String tenantId, String category, Collection<String> cells, Instant since) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        String from = TableKeys.sortable(since);
        for (String cell : cells) {
            String pk = TableKeys.cellPk(tenantId, category, cell);
            if (!TableKeys.fitsKeyLimits(pk, from)) {
                continue;
            }
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table).indexName(TableKeys.BY_CELL)
                    .keyConditionExpression("#pk = :pk AND #sk >= :from")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.GSI5_PK, "#sk", TableKeys.GSI5_SK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk),
                            ":from", AttributeValue.fromS(from)))
                    .limit(MAX_PER_CELL)
                    .build());
            keys.addAll(page.items());
        }
        return keys.isEmpty() ? List.of() : CaseBatches.fetch(dynamo, cases, keys, false);
    }
}
