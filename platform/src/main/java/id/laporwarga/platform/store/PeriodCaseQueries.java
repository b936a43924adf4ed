package id.laporwarga.platform.store;

import id.laporwarga.domain.port.PeriodCases;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.tenant.Tenant;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Streams every case of a tenant created in given periods, one kecamatan partition of the ByArea index at a time
 * (Query only, never a scan). ByArea projects the keys (plus {@code kind} and {@code status}): each page's cases are
 * fetched by key ({@link CaseBatches}) and handed over one at a time, so a caller that folds them into counters needs
 * memory for one page only.
 */
@Singleton
public class PeriodCaseQueries implements PeriodCases {
    /** Keys per Query page: the page's cases are in memory at once. */
    static final int PAGE_KEYS = 500;
    private final DynamoDbClient dynamo;
    private final DynamoCaseRepository cases;

    public PeriodCaseQueries(DynamoDbClient dynamo, DynamoCaseRepository cases) {
        this.dynamo = dynamo;
        this.cases = cases;
    }

    /**
     * Kecamatan codes of the tenant's areas, sorted, and {@link TableKeys#NO_AREA} for reports without a place (the
     * partitions of ByArea); no polygon is loaded.
     */
    public static List<String> kecamatanCodes(Tenant tenant) {
        List<String> codes = new ArrayList<>(tenant.areas().kecamatanCodes());
        codes.add(TableKeys.NO_AREA);
        return List.copyOf(codes);
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

    /** One kecamatan's cases of one period: keys from ByArea, the cases by key (a page at a time). */
    long forEachCase(String tenantId, String kecamatanCode, String period, Consumer<ReportCase> sink) {
        return query(tenantId, kecamatanCode, "begins_with(#sk, :lower)", period + "#", null, null, sink);
    }

    /**
     * Cases of {@code kind} in {@code status} created in [{@code from}, {@code toExclusive}): per kecamatan and per
     * local month of the range, a key range on ByArea's sort key ({@code yyyy-MM#createdAt#caseId}) filtered on the
     * projected {@code kind} and {@code status}; only the matching cases are fetched.
     */
    @Override
    public long forEachCreated(Tenant tenant, Instant from, Instant toExclusive, CaseKind kind, CaseStatus status,
                               Consumer<ReportCase> sink) {
        long n = 0;
        Map<String, AttributeValue> filter = Map.of(":kind", AttributeValue.fromS(kind.name()),
                ":status", AttributeValue.fromS(status.name()));
        YearMonth first = YearMonth.from(from.atZone(tenant.zone()));
        YearMonth last = YearMonth.from(toExclusive.minusMillis(1).atZone(tenant.zone()));
        for (String kecamatan : kecamatanCodes(tenant)) {
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                String lower = m + "#" + TableKeys.sortable(from);
                String upper = m + "#" + TableKeys.sortable(toExclusive.minusMillis(1)) + "#\uffff";
                n += query(tenant.id(), kecamatan, "#sk BETWEEN :lower AND :upper", lower, upper, filter, sink);
            }
        }
        return n;
    }

    private long query(String tenantId, String kecamatanCode, String sortCondition, String lower, String upper,
                       Map<String, AttributeValue> filter, Consumer<ReportCase> sink) {
        long n = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, String> names = new HashMap<>(Map.of("#pk", TableKeys.GSI4_PK, "#sk", TableKeys.GSI4_SK));
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":pk", AttributeValue.fromS(TableKeys.areaPk(tenantId, kecamatanCode)));
            values.put(":lower", AttributeValue.fromS(lower));
            if (upper != null) {
                values.put(":upper", AttributeValue.fromS(upper));
            }
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(cases.tableName())
                    .indexName(TableKeys.BY_AREA)
                    .keyConditionExpression("#pk = :pk AND " + sortCondition)
                    .limit(PAGE_KEYS);
            if (filter != null) {
                names.put("#kind", "kind");
                names.put("#status", "status");
                values.putAll(filter);
                request.filterExpression("#kind = :kind AND #status = :status");
            }
            request.expressionAttributeNames(names).expressionAttributeValues(values);
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            QueryResponse page = dynamo.query(request.build());
            for (ReportCase c : CaseBatches.fetch(dynamo, cases, page.items(), false)) {
                sink.accept(c);
                n++;
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return n;
    }
}
