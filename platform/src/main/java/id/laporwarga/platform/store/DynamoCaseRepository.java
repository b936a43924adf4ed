package id.laporwarga.platform.store;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.outbox.OutboxEvent;
import id.laporwarga.domain.port.CaseRepository;
import id.laporwarga.domain.intake.GridCells;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.port.CaseWrite;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Reporter;
import id.laporwarga.domain.time.IndonesianTime;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.outbox.OutboxItems;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Cases in the single table. A case item holds key attributes for the GSIs plus the whole case as a JSON document
 * ({@code doc}); {@code version} drives optimistic locking. A change announced to others is one
 * {@code TransactWriteItems}: the case (conditional on its version), one outbox item per event (conditional on its
 * absence; {@link OutboxItems}) and a consumer's processed mark (conditional on its absence).
 */
@Singleton
public class DynamoCaseRepository implements CaseRepository {
    /** An idempotency record outlives any sane client retry window. */
    public static final long IDEMPOTENCY_TTL_SECONDS = 30L * 24 * 3600;
    /** A processed mark outlives any redelivery: SQS keeps a message at most 14 days. */
    public static final Duration PROCESSED_TTL = Duration.ofDays(14);
    static final String PROCESSED_SK = "PROCESSED";
    private static final int MAX_CONFLICT_RETRIES = 12;

    private final DynamoDbClient dynamo;
    private final Json json;
    private final OutboxItems outbox;
    private final String table;

    public DynamoCaseRepository(DynamoDbClient dynamo, Json json, OutboxItems outbox, FunctionEnvironment env) {
        this.dynamo = dynamo;
        this.json = json;
        this.outbox = outbox;
        this.table = env.require(FunctionEnvironment.TABLE_NAME);
    }

    public String tableName() {
        return table;
    }

    @Override
    public CreateResult create(ReportCase c, Reporter contact, String idempotencyKey, List<OutboxEvent> events) {
        // no secret here: the reporter's secret is derived from the case id and a server key (ReporterSecrets)
        Map<String, AttributeValue> idempotency = new HashMap<>();
        idempotency.put(TableKeys.PK, s(TableKeys.idempotencyPk(idempotencyKey)));
        idempotency.put(TableKeys.SK, s(TableKeys.IDEMPOTENCY_SK));
        idempotency.put("requestHash", s(c.requestHash()));
        idempotency.put("caseId", s(c.caseId()));
        idempotency.put(TableKeys.TTL, n(c.createdAt().getEpochSecond() + IDEMPOTENCY_TTL_SECONDS));

        Map<String, AttributeValue> code = Map.of(
                TableKeys.PK, s(TableKeys.trackingCodePk(c.trackingCode())),
                TableKeys.SK, s(TableKeys.TRACKING_CODE_SK),
                "caseId", s(c.caseId()),
                "tenantId", s(c.tenantId()));

        String notExists = "attribute_not_exists(" + TableKeys.PK + ")";
        List<TransactWriteItem> writes = new java.util.ArrayList<>(List.of(
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(idempotency)
                        .conditionExpression(notExists)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(code)
                        .conditionExpression(notExists).build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(toItem(c))
                        .conditionExpression(notExists).build()).build()));
        if (contact != null) {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(contactItem(c, contact))
                    .conditionExpression(notExists).build()).build());
        }
        for (OutboxEvent e : events) {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(outboxItem(e, c.createdAt()))
                    .conditionExpression(notExists).build()).build());
        }

        for (int attempt = 0; ; attempt++) {
            try {
                dynamo.transactWriteItems(r -> r.transactItems(writes));
                return new CreateResult(c, true);
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (failed(reasons, 0)) {
                    return replay(idempotencyKey, c.requestHash(), reasons.get(0).item());
                }
                if (failed(reasons, 1)) {
                    throw new TrackingCodeTakenException(c.trackingCode());
                }
                if (failed(reasons, 2)) {
                    throw new IllegalStateException("case id collision: " + c.caseId());
                }
                // TransactionConflict: another request with the same key is in flight; wait and look again
                if (attempt >= MAX_CONFLICT_RETRIES) {
                    throw new DomainException(ErrorCode.SERVICE_UNAVAILABLE);
                }
                backoff(attempt);
            }
        }
    }

    private CreateResult replay(String idempotencyKey, String requestHash, Map<String, AttributeValue> stored) {
        Map<String, AttributeValue> record = stored != null && !stored.isEmpty() ? stored
                : getItem(TableKeys.idempotencyPk(idempotencyKey), TableKeys.IDEMPOTENCY_SK)
                .orElseThrow(() -> new DomainException(ErrorCode.SERVICE_UNAVAILABLE));
        if (!requestHash.equals(record.get("requestHash").s())) {
            throw new DomainException(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        }
        ReportCase existing = findById(record.get("caseId").s())
                .orElseThrow(() -> new IllegalStateException("idempotency record without case"));
        return new CreateResult(existing, false);
    }

    /**
     * {@code CONTACT#<caseId>}/{@code CONTACT}: name, phone, e-mail and the notices' language only, no GSI key (nothing
     * can list contacts).
     */
    static Map<String, AttributeValue> contactItem(ReportCase c, Reporter contact) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableKeys.PK, s(TableKeys.contactPk(c.caseId())));
        item.put(TableKeys.SK, s(TableKeys.CONTACT_SK));
        item.put("entity", s("CONTACT"));
        if (contact.name() != null && !contact.name().isBlank()) {
            item.put("name", s(contact.name()));
        }
        if (contact.phone() != null && !contact.phone().isBlank()) {
            item.put("phone", s(contact.phone()));
        }
        if (contact.email() != null && !contact.email().isBlank()) {
            item.put("email", s(contact.email()));
        }
        if (contact.language() != null) {
            item.put("language", s(contact.language()));
        }
        return item;
    }

    @Override
    public Optional<ReportCase> findById(String caseId) {
        return getItem(TableKeys.casePk(caseId), TableKeys.CASE_SK).map(this::fromItem);
    }

    @Override
    public Optional<ReportCase> findByTrackingCode(String trackingCode) {
        return getItem(TableKeys.trackingCodePk(trackingCode), TableKeys.TRACKING_CODE_SK)
                .flatMap(item -> findById(item.get("caseId").s()));
    }

    @Override
    public ReportCase write(CaseWrite write) {
        ReportCase changed = write.changed();
        String expected = "#v = :expected";
        Map<String, String> names = Map.of("#v", "version");
        Map<String, AttributeValue> values = Map.of(":expected", n(changed.version() - 1));
        if (write.events().isEmpty() && write.processed() == null) {
            try {
                dynamo.putItem(PutItemRequest.builder().tableName(table).item(toItem(changed))
                        .conditionExpression(expected).expressionAttributeNames(names)
                        .expressionAttributeValues(values).build());
                return changed;
            } catch (ConditionalCheckFailedException e) {
                throw new DomainException(ErrorCode.VERSION_CONFLICT);
            }
        }
        Instant now = Instant.now();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(toItem(changed))
                .conditionExpression(expected).expressionAttributeNames(names).expressionAttributeValues(values)
                .build()).build());
        String absent = "attribute_not_exists(" + TableKeys.PK + ")";
        for (OutboxEvent e : write.events()) {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(outboxItem(e, now))
                    .conditionExpression(absent).build()).build());
        }
        CaseWrite.ProcessedMark mark = write.processed();
        if (mark != null) {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(Map.of(
                    TableKeys.PK, s(TableKeys.processedPk(mark.consumer(), mark.eventId())),
                    TableKeys.SK, s(PROCESSED_SK),
                    "at", s(TableKeys.sortable(now)),
                    TableKeys.TTL, n(now.plus(PROCESSED_TTL).getEpochSecond())))
                    .conditionExpression(absent).build()).build());
        }
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
            return changed;
        } catch (TransactionCanceledException e) {
            if (mark != null && failed(e.cancellationReasons(), writes.size() - 1)) {
                throw new AlreadyProcessedException(mark.consumer(), mark.eventId());
            }
            // the case changed meanwhile, one of its events was written before (the same change), or another
            // transaction held one of the items (TransactionConflict): the caller reloads and decides again
            throw new DomainException(ErrorCode.VERSION_CONFLICT);
        }
    }

    @Override
    public boolean processed(String consumer, String eventId) {
        String pk = TableKeys.processedPk(consumer, eventId);
        return getItem(pk, PROCESSED_SK).isPresent();
    }

    /** The outbox item of {@code e} ({@link OutboxItems}), written at {@code now}. */
    private Map<String, AttributeValue> outboxItem(OutboxEvent e, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableKeys.PK, s(OutboxItems.pk(e.eventId())));
        item.put(TableKeys.SK, s(OutboxItems.SK));
        item.put(OutboxItems.RECORD_TYPE, s(OutboxItems.OUTBOX));
        item.put(OutboxItems.EVENT_ID, s(e.eventId()));
        item.put(OutboxItems.CHANNEL, s(e.channel().name()));
        item.put(OutboxItems.EVENT_TYPE, s(e.eventType()));
        item.put(OutboxItems.CASE_ID, s(e.caseId()));
        if (e.tenantId() != null) {
            item.put(OutboxItems.TENANT_ID, s(e.tenantId()));
        }
        item.put(OutboxItems.MESSAGE, s(outbox.message(e)));
        Map<String, AttributeValue> attributes = new HashMap<>();
        e.attributes().forEach((k, v) -> attributes.put(k, s(v)));
        item.put(OutboxItems.ATTRIBUTES, AttributeValue.fromM(attributes));
        if (e.subject() != null) {
            item.put(OutboxItems.SUBJECT, s(e.subject()));
        }
        if (e.emailText() != null) {
            item.put(OutboxItems.EMAIL, s(e.emailText()));
        }
        item.put(OutboxItems.CREATED_AT, s(TableKeys.sortable(now)));
        item.put(TableKeys.TTL, n(now.plus(OutboxItems.TTL).getEpochSecond()));
        return item;
    }

    /** The stored item of a case, with every GSI key its state calls for. */
    public Map<String, AttributeValue> toItem(ReportCase c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableKeys.PK, s(TableKeys.casePk(c.caseId())));
        item.put(TableKeys.SK, s(TableKeys.CASE_SK));
        item.put("entity", s("CASE"));
        item.put("tenantId", s(c.tenantId()));
        item.put("kind", s(c.kind().name()));
        item.put("status", s(c.status().name()));
        item.put("category", s(c.category()));
        item.put("trackingCode", s(c.trackingCode()));
        item.put("version", n(c.version()));
        item.put("createdAt", s(TableKeys.sortable(c.createdAt())));
        item.put("doc", s(json.write(c)));
        if (c.intake() != null && c.intake().channel() != null) {
            item.put(AgencyStatsQueries.CHANNEL, s(c.intake().channel().name()));
        }
        if (c.intake() != null && !c.intake().supporterCaseIds().isEmpty()) {
            item.put(AgencyStatsQueries.SUPPORTERS, n(c.intake().supporterCaseIds().size()));
        }
        String created = TableKeys.sortable(c.createdAt()) + "#" + c.caseId();
        String period = IndonesianTime.period(c.createdAt(), zone(c));
        item.put("period", s(period));
        // open complaints with a place are indexed per category by time with their grid cell, for duplicates
        // (sparse: gone once terminal)
        if (c.kind() == CaseKind.COMPLAINT && c.location() != null && !c.status().isTerminal()) {
            item.put(TableKeys.GSI5_PK, s(TableKeys.cellPk(c.tenantId(), c.category())));
            item.put(TableKeys.GSI5_SK, s(created));
            item.put(TableKeys.CELL, s(GridCells.of(c.location())));
        }
        item.put(TableKeys.GSI1_PK, s(TableKeys.statusPk(c.tenantId(), c.status().name())));
        item.put(TableKeys.GSI1_SK, s((c.deadlineAt() == null ? TableKeys.NO_DEADLINE : TableKeys.sortable(c.deadlineAt()))
                + "#" + c.caseId()));
        if (c.assignment() != null && c.assignment().agencyId() != null) {
            item.put(TableKeys.GSI2_PK, s(TableKeys.agencyPk(c.tenantId(), c.assignment().agencyId())));
            item.put(TableKeys.GSI2_SK, s(created));
        }
        if (c.rtId() != null) {
            item.put(TableKeys.GSI3_PK, s(TableKeys.rtPk(c.tenantId(), c.rtId())));
            item.put(TableKeys.GSI3_SK, s(period + "#" + created));
        }
        if (c.area() != null && c.area().kecamatanCode() != null || c.location() == null) {
            // a report without a place (aspirasi, request for information) is filed under NO_AREA, for the export
            String kecamatan = c.area() != null && c.area().kecamatanCode() != null ? c.area().kecamatanCode()
                    : TableKeys.NO_AREA;
            item.put(TableKeys.GSI4_PK, s(TableKeys.areaPk(c.tenantId(), kecamatan)));
            item.put(TableKeys.GSI4_SK, s(period + "#" + created));
        }
        return item;
    }

    public ReportCase fromItem(Map<String, AttributeValue> item) {
        return json.read(item.get("doc").s(), ReportCase.class);
    }

    private static ZoneId zone(ReportCase c) {
        return c.timeZone() == null ? IndonesianTime.WIB : ZoneId.of(c.timeZone());
    }

    private Optional<Map<String, AttributeValue>> getItem(String pk, String sk) {
        if (!TableKeys.fitsKeyLimits(pk, sk)) {
            return Optional.empty(); // no item can have such a key; DynamoDB would answer ValidationException (a 500)
        }
        var response = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(TableKeys.PK, s(pk), TableKeys.SK, s(sk))));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return reasons != null && reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static void backoff(int attempt) {
        try {
            Thread.sleep(Math.min(200, 5L << Math.min(attempt, 5)) + (long) (Math.random() * 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(ErrorCode.SERVICE_UNAVAILABLE);
        }
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** Used by callers that want "now" in the same format as stored times. */
    public static String now(Instant instant) {
        return TableKeys.sortable(instant);
    }
}
