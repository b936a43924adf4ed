package id.laporwarga.platform.store;

import id.laporwarga.domain.port.PeriodCases;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.tenant.Tenant;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Streams every case of a tenant created in given periods, one kecamatan partition of the ByArea index at a time
 * (Query only, never a scan). Pages of at most 1 MB are parsed and handed over one case at a time, so a caller that
 * folds them into counters needs memory for one page only.
 */
@Singleton
public class PeriodCaseQueries implements PeriodCases {
    private final DynamoDbClient dynamo;
    private final DynamoCaseRepository cases;

    public PeriodCaseQueries(DynamoDbClient dynamo, DynamoCaseRepository cases) {
        this.dynamo = dynamo;
        this.cases = cases;
    }

    /** Kecamatan codes of the tenant's areas, sorted (the partitions of ByArea); no polygon is loaded. */
    public static List<String> kecamatanCodes(Tenant tenant) {
        return tenant.areas().kecamatanCodes();
    }

    /** Calls {@code sink} once per case of {@code tenant} created in any of {@code periods} ("yyyy-MM"); returns the count. */
    @Override
    public long forEachCase(Tenant tenant, List<String> periods, Consumer<ReportCase> sink) {
        long n = 0;
        for (String kecamatan : kecamatanCodes(tenant)) {
            for (String period : periods) {
                n += forEachCase(tenant.id(), kecamatan, period, sink);
            }
        }
        return n;
    }

    long forEachCase(String tenantId, String kecamatanCode, String period, Consumer<ReportCase> sink) {
        long n = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(cases.tableName())
                    .indexName(TableKeys.BY_AREA)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :period)")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.GSI4_PK, "#sk", TableKeys.GSI4_SK, "#doc", "doc"))
                    .expressionAttributeValues(Map.of(
                            ":pk", AttributeValue.fromS(TableKeys.areaPk(tenantId, kecamatanCode)),
                            ":period", AttributeValue.fromS(period + "#")))
                    .projectionExpression("#doc");
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            QueryResponse page = dynamo.query(request.build());
            for (Map<String, AttributeValue> item : page.items()) {
                if (item.containsKey("doc")) {
                    sink.accept(cases.fromItem(item));
                    n++;
                }
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return n;
    }
}
