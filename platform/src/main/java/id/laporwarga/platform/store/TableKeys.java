package id.laporwarga.platform.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The single-table key design (docs/data-model.md). One table holds cases, their tracking-code and idempotency
 * records, tenants, outbox items, processed marks, the sweeper's tallies and RT scores. Five sparse GSIs serve the other access patterns.
 */
public final class TableKeys {
    public static final String PK = "pk";
    public static final String SK = "sk";

    /** tenant + status + deadline: inbox per status, overdue steps (deadline &lt; now). */
    public static final String BY_STATUS_DEADLINE = "ByStatusDeadline";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    /** tenant + agency, newest first: an agency's cases and the city's counts per agency. */
    public static final String BY_AGENCY = "ByAgency";
    public static final String GSI2_PK = "gsi2pk";
    public static final String GSI2_SK = "gsi2sk";
    /** tenant + RT, by period: an RT's reports for scoring. */
    public static final String BY_RT = "ByRt";
    public static final String GSI3_PK = "gsi3pk";
    public static final String GSI3_SK = "gsi3sk";
    /** tenant + kecamatan, by period: area statistics and the analysts' export. */
    public static final String BY_AREA = "ByArea";
    public static final String GSI4_PK = "gsi4pk";
    public static final String GSI4_SK = "gsi4sk";

    /** Open complaints by tenant, category and grid cell (duplicates), by creation time. */
    public static final String BY_CELL = "ByCell";
    public static final String GSI5_PK = "gsi5pk";
    public static final String GSI5_SK = "gsi5sk";

    public static final String TTL = "expiresAt";

    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private TableKeys() {
    }

    /** DynamoDB's key limits: partition key at most 2048 bytes, sort key at most 1024 bytes (UTF-8). */
    public static final int MAX_PARTITION_KEY_BYTES = 2048;
    public static final int MAX_SORT_KEY_BYTES = 1024;

    /**
     * Whether a key can exist at all; reads with a larger key (e.g. a hostile id from a URL) find nothing, where
     * DynamoDB would refuse the request.
     */
    public static boolean fitsKeyLimits(String partitionKey, String sortKey) {
        return partitionKey != null && !partitionKey.isEmpty()
                && partitionKey.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_PARTITION_KEY_BYTES
                && (sortKey == null || sortKey.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_SORT_KEY_BYTES);
    }

    public static String casePk(String caseId) {
        return "CASE#" + caseId;
    }

    public static final String CASE_SK = "CASE";

    public static String trackingCodePk(String code) {
        return "CODE#" + code;
    }

    public static final String TRACKING_CODE_SK = "CODE";

    public static String idempotencyPk(String key) {
        return "IDEMPOTENCY#" + key;
    }

    public static final String IDEMPOTENCY_SK = "IDEMPOTENCY";

    /** A tenant's document item (small: no boundaries; those are files in the boundaries bucket). */
    public static String tenantPk(String tenantId) {
        return "TENANT#" + tenantId;
    }

    public static final String TENANT_SK = "TENANT";

    /** The national index of tenants: one small item (id, name, zone, versions and boxes of every tenant). */
    public static final String TENANT_INDEX_PK = "TENANTS";
    public static final String TENANT_INDEX_SK = "INDEX";

    /** The reporter's contact of a case: its own item (no GSI keys), readable only by the officials' function. */
    public static String contactPk(String caseId) {
        return "CONTACT#" + caseId;
    }

    public static final String CONTACT_SK = "CONTACT";

    /** A consumer's processed mark of an event, written with the consumer's change (exactly-once effects). */
    public static String processedPk(String consumer, String eventId) {
        return "PROCESSED#" + consumer + "#" + eventId;
    }

    /** The sweeper's tallies of a tenant, one item per local day (sk {@code yyyy-MM-dd}). */
    public static String sweepPk(String tenantId) {
        return "SWEEP#" + tenantId;
    }

    public static String statusPk(String tenantId, String status) {
        return tenantId + "#" + status;
    }

    public static String agencyPk(String tenantId, String agencyId) {
        return tenantId + "#" + agencyId;
    }

    public static String rtPk(String tenantId, String rtId) {
        return tenantId + "#" + rtId;
    }

    public static String areaPk(String tenantId, String kecamatanCode) {
        return tenantId + "#" + kecamatanCode;
    }

    /** The {@code ByArea} partition of a tenant's reports without a place (no kecamatan). */
    public static final String NO_AREA = "-";

    /**
     * The {@code ByCell} key of a tenant's open complaints of one category (sorted by creation; each carries its grid
     * cell, {@link #CELL}, projected by the index).
     */
    public static String cellPk(String tenantId, String category) {
        return tenantId + "#" + category;
    }

    /** The case item's grid cell ({@code GridCells}) of an open complaint with a place (projected by ByCell). */
    public static final String CELL = "cell";

    /** Fixed-width UTC time that sorts lexicographically. */
    public static String sortable(Instant instant) {
        return SORTABLE.format(instant);
    }

    /** Sorts after every real deadline (cases without a deadline come last in an inbox). */
    public static final String NO_DEADLINE = "9999-12-31T23:59:59.999Z";
}
