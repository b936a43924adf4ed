package id.laporwarga.platform.store;

import id.laporwarga.domain.auth.Caller;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.port.CaseInbox;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.workflow.OverdueCases;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Officials' inboxes and the overdue finder, on the ByStatusDeadline index (partition {@code tenant#STATUS}, sort key
 * {@code deadline#caseId}); Query only, never a Scan.
 *
 * <p>An inbox merges the partitions of every status the caller can act on, soonest deadline first. The opaque cursor
 * (base64url) holds, per status, the sort key up to which that partition was consumed, so pages neither skip nor
 * repeat a case even when cases of several statuses interleave. An optional pre-filter on the caller's area key
 * ({@code gsi2pk} agency, {@code gsi3pk} RT, {@code gsi4pk} kecamatan) keeps DynamoDB from returning others' cases;
 * the domain's access rule is applied on top.
 *
 * <p>The index projects only the keys and those area keys (docs/data-model.md): the cases a page shows, and the
 * overdue ones, are fetched by key ({@link CaseBatches}); a case whose stored status already moved on is skipped.
 */
@Singleton
public class InboxQueries implements CaseInbox, OverdueCases {
    /** DynamoDB pages read per status and inbox request at most (bounds latency when the filter drops many cases). */
    static final int MAX_READS_PER_STATUS = 5;
    private static final String EXHAUSTED = "-";
    private static final Pattern SORT_KEY = Pattern.compile("[0-9T:.\\-Z]{24}#[A-Za-z0-9_\\-]{1,64}");

    private final DynamoDbClient dynamo;
    private final DynamoCaseRepository cases;

    public InboxQueries(DynamoDbClient dynamo, DynamoCaseRepository cases) {
        this.dynamo = dynamo;
        this.cases = cases;
    }

    /** Pre-filter on a top-level attribute of the case item (an index key of the caller's area). */
    record AreaKey(String attribute, String value) {
    }

    /** The index key of the viewer's area, used as a pre-filter (the domain's access rule still decides). */
    static AreaKey areaKey(Caller viewer) {
        if (viewer == null || viewer.role() == null) {
            return null;
        }
        return switch (viewer.role()) {
            case RT_HEAD -> new AreaKey(TableKeys.GSI3_PK, TableKeys.rtPk(viewer.tenantId(), viewer.rtId()));
            case KECAMATAN -> new AreaKey(TableKeys.GSI4_PK, TableKeys.areaPk(viewer.tenantId(), viewer.kecamatanCode()));
            case AGENCY_STAFF -> new AreaKey(TableKeys.GSI2_PK, TableKeys.agencyPk(viewer.tenantId(), viewer.agencyId()));
            default -> null;
        };
    }

    @Override
    public Page inbox(String tenantId, Set<CaseStatus> statuses, Caller viewer, Predicate<ReportCase> visible,
                      int limit, String cursor) {
        AreaKey areaKey = areaKey(viewer);
        int size = Math.max(1, Math.min(MAX_PAGE_SIZE, limit));
        Map<CaseStatus, String> positions = decode(cursor, statuses);
        record Candidate(CaseStatus status, String sortKey, ReportCase reportCase) {
        }
        List<Candidate> candidates = new ArrayList<>();
        Map<CaseStatus, String> examinedUpTo = new HashMap<>();
        for (CaseStatus status : new TreeSet<>(statuses)) {
            String after = positions.get(status);
            if (EXHAUSTED.equals(after)) {
                examinedUpTo.put(status, EXHAUSTED);
                continue;
            }
            Map<String, AttributeValue> start = null;
            int found = 0;
            int reads = 0;
            do {
                Map<String, String> names = new HashMap<>(Map.of("#pk", TableKeys.GSI1_PK));
                Map<String, AttributeValue> values = new HashMap<>();
                values.put(":pk", AttributeValue.fromS(TableKeys.statusPk(tenantId, status.name())));
                String condition = "#pk = :pk";
                if (after != null) {
                    condition += " AND #sk > :after";
                    names.put("#sk", TableKeys.GSI1_SK);
                    values.put(":after", AttributeValue.fromS(after));
                }
                QueryRequest.Builder q = QueryRequest.builder().tableName(cases.tableName())
                        .indexName(TableKeys.BY_STATUS_DEADLINE).keyConditionExpression(condition)
                        .limit(Math.max(25, Math.min(MAX_PAGE_SIZE, size * 2)));
                if (areaKey != null) {
                    names.put("#area", areaKey.attribute());
                    values.put(":area", AttributeValue.fromS(areaKey.value()));
                    q.filterExpression("#area = :area");
                }
                q.expressionAttributeNames(names).expressionAttributeValues(values);
                if (start != null) {
                    q.exclusiveStartKey(start);
                }
                QueryResponse page = dynamo.query(q.build());
                reads++;
                Map<String, String> sortKeys = new HashMap<>();
                page.items().forEach(item -> sortKeys.put(item.get(TableKeys.PK).s(), item.get(TableKeys.GSI1_SK).s()));
                for (ReportCase c : CaseBatches.fetch(dynamo, cases, page.items(), true)) {
                    if (c.status() == status && visible.test(c)) {
                        candidates.add(new Candidate(status, sortKeys.get(TableKeys.casePk(c.caseId())), c));
                        found++;
                    }
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null && found < size && reads < MAX_READS_PER_STATUS);
            examinedUpTo.put(status, start == null ? EXHAUSTED : start.get(TableKeys.GSI1_SK).s());
        }
        candidates.sort(Comparator.comparing(Candidate::sortKey));
        List<Candidate> taken = candidates.subList(0, Math.min(size, candidates.size()));
        Map<CaseStatus, String> next = new LinkedHashMap<>();
        boolean more = false;
        for (CaseStatus status : new TreeSet<>(statuses)) {
            List<Candidate> mine = candidates.stream().filter(c -> c.status() == status).toList();
            List<Candidate> mineTaken = taken.stream().filter(c -> c.status() == status).toList();
            String position;
            if (mineTaken.size() == mine.size()) {
                position = examinedUpTo.get(status);
            } else {
                position = mineTaken.isEmpty() ? positions.get(status) : mineTaken.get(mineTaken.size() - 1).sortKey();
            }
            next.put(status, position);
            more |= !EXHAUSTED.equals(position);
        }
        return new Page(taken.stream().map(Candidate::reportCase).toList(), more ? encode(next) : null);
    }

    /**
     * Cases waiting in {@code status} whose deadline is before {@code now}: {@code gsi1sk < now} on one partition, then
     * the cases by key (those still in {@code status}).
     */
    @Override
    public List<ReportCase> dueBefore(String tenantId, CaseStatus status, Instant now) {
        List<ReportCase> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(cases.tableName())
                    .indexName(TableKeys.BY_STATUS_DEADLINE)
                    .keyConditionExpression("#pk = :pk AND #sk < :now")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.GSI1_PK, "#sk", TableKeys.GSI1_SK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.statusPk(tenantId, status.name())),
                            ":now", AttributeValue.fromS(TableKeys.sortable(now))));
            if (start != null) {
                q.exclusiveStartKey(start);
            }
            QueryResponse page = dynamo.query(q.build());
            CaseBatches.fetch(dynamo, cases, page.items(), true).stream().filter(c -> c.status() == status)
                    .forEach(out::add);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    static String encode(Map<CaseStatus, String> positions) {
        StringBuilder sb = new StringBuilder("v1");
        positions.forEach((status, position) -> sb.append('|').append(status.name()).append('=')
                .append(position == null ? "" : position));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Positions per status; a cursor that is not ours is a 400 on {@code page}. */
    static Map<CaseStatus, String> decode(String cursor, Set<CaseStatus> statuses) {
        Map<CaseStatus, String> out = new HashMap<>();
        if (cursor == null || cursor.isBlank()) {
            return out;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = text.split("\\|", -1);
            if (!"v1".equals(parts[0])) {
                throw new IllegalArgumentException("version");
            }
            for (int i = 1; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                CaseStatus status = CaseStatus.valueOf(parts[i].substring(0, eq));
                String position = parts[i].substring(eq + 1);
                if (!position.isEmpty() && !EXHAUSTED.equals(position) && !SORT_KEY.matcher(position).matches()) {
                    throw new IllegalArgumentException("position");
                }
                if (statuses.contains(status)) {
                    out.put(status, position.isEmpty() ? null : position);
                }
            }
            return out;
        } catch (RuntimeException e) {
            throw DomainException.validation(Map.of("page", LocalizedText.of(
                    "penanda halaman tidak valid", "invalid page cursor")));
        }
    }
}
