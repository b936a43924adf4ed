package id.laporwarga.platform.tenant;

import id.laporwarga.domain.auth.Caller;
import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.geo.AdminBoundary;
import id.laporwarga.domain.geo.Boundaries;
import id.laporwarga.domain.geo.NationalIndex;
import id.laporwarga.domain.geo.TenantAreas;
import id.laporwarga.domain.port.TenantCatalog;
import id.laporwarga.domain.port.TenantRegistry;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.tenant.TenantEntry;
import id.laporwarga.domain.tenant.TenantOnboardingService;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.store.TableKeys;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Tenants at national scale (docs/tenants.md):
 * <ul>
 *   <li>the <b>national index</b>, one small item ({@code TENANTS/INDEX}: every tenant's id, name, zone, versions and
 *   boxes, gzip text, a few tens of KB for 514 tenants), read by every container and re-read every
 *   {@link #INDEX_TTL};</li>
 *   <li>one <b>document item</b> per tenant ({@code TENANT#<id>/TENANT}: the document without boundaries, gzip, plus
 *   the areas' names and codes and the boundary version), read when the tenant is first touched;</li>
 *   <li>the <b>boundary files</b> in S3 ({@code boundaries/<id>/<version>.geojson.gz}, content-addressed), read when
 *   a tenant's polygons are first needed (locating a report, checking a photo's position).</li>
 * </ul>
 * A container keeps the tenants it touched; when the index shows a new version of one, only that one is dropped (and
 * its polygons kept when their version did not change). Polygons beyond {@link #DEFAULT_CACHE_POSITIONS} positions
 * (or {@code LAPOR_TENANT_CACHE_POSITIONS}) are dropped least recently used first. Onboarding writes the document item
 * and the index in one transaction, conditional on the index version it read.
 */
@Singleton
public class DynamoTenantStore implements TenantCatalog, TenantRegistry {
    public static final Duration INDEX_TTL = Duration.ofSeconds(60);
    public static final long DEFAULT_CACHE_POSITIONS = 4_000_000;
    /** Well under DynamoDB's 400 KB item limit (the gzip index of 514 tenants is about 20 KB). */
    static final int MAX_INDEX_BYTES = 350 * 1024;
    private static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9\\-]{1,39}");
    private static final JsonLog LOG = JsonLog.get(DynamoTenantStore.class);

    private final DynamoDbClient dynamo;
    private final BeanProvider<BoundaryObjects> s3; // the boundary files (S3), created on first use; absent where the package has no S3 SDK
    private final Json json;
    private final String table;
    private final FunctionEnvironment env;
    private final Clock clock;
    private final long cachePositions;
    private volatile NationalIndex index;
    private volatile Instant indexReadAt = Instant.EPOCH;
    /** A tenant touched by this container and the version it was read at. */
    private record Cached(Tenant tenant, long version) {
    }

    /** Tenants touched by this container, least recently used first. */
    private final LinkedHashMap<String, Cached> tenants = new LinkedHashMap<>(16, 0.75f, true);
    /** Tenant ids whose boundary files this container read (tests and benchmarks assert on it). */
    private final List<String> boundaryLoads = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    public DynamoTenantStore(DynamoDbClient dynamo, BeanProvider<BoundaryObjects> s3, Json json, FunctionEnvironment env) {
        this(dynamo, s3, json, env, Clock.systemUTC());
    }

    DynamoTenantStore(DynamoDbClient dynamo, BeanProvider<BoundaryObjects> s3, Json json, FunctionEnvironment env, Clock clock) {
        this.dynamo = dynamo;
        this.s3 = s3;
        this.json = json;
        this.env = env;
        this.table = env.require(FunctionEnvironment.TABLE_NAME);
        this.clock = clock;
        this.cachePositions = env.get(FunctionEnvironment.TENANT_CACHE_POSITIONS).map(Long::parseLong)
                .orElse(DEFAULT_CACHE_POSITIONS);
    }

    // ------------------------------------------------------------------ TenantCatalog

    @Override
    public NationalIndex index() {
        NationalIndex current = index;
        if (current != null && clock.instant().isBefore(indexReadAt.plus(INDEX_TTL))) {
            return current;
        }
        NationalIndex fresh = readIndex(false);
        // a cached tenant whose version moved on is reloaded alone when next touched (find compares the versions)
        synchronized (this) {
            index = fresh;
            indexReadAt = clock.instant();
        }
        return fresh;
    }

    @Override
    public Optional<Tenant> find(String tenantId) {
        if (tenantId == null || !TENANT_ID.matcher(tenantId).matches()) {
            return Optional.empty();
        }
        NationalIndex idx = index();
        Cached cached;
        synchronized (this) {
            cached = tenants.get(tenantId);
        }
        Optional<TenantEntry> entry = idx.entry(tenantId);
        if (cached != null && entry.map(e -> e.version() == cached.version()).orElse(true)) {
            return Optional.of(cached.tenant());
        }
        Optional<Cached> loaded = load(tenantId, cached == null ? null : cached.tenant());
        loaded.ifPresent(c -> {
            synchronized (this) {
                tenants.put(tenantId, c);
            }
        });
        return loaded.map(Cached::tenant);
    }

    /** Ids of the tenants whose boundary files this container read, in order. */
    public List<String> boundaryLoads() {
        return List.copyOf(boundaryLoads);
    }

    /** The raw tenant document as onboarded (JSON, without boundaries). */
    public Optional<String> document(String tenantId) {
        return stored(tenantId).map(Stored::document);
    }

    // ------------------------------------------------------------------ TenantRegistry

    @Override
    public Optional<Stored> stored(String tenantId) {
        if (tenantId == null || !TENANT_ID.matcher(tenantId).matches()) {
            return Optional.empty();
        }
        var response = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(tenantKey(tenantId)));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new Stored(entry(item), TenantItems.areas(item.get("areas").b().asByteArray()),
                TenantItems.gunzip(item.get("doc").b().asByteArray())));
    }

    @Override
    public NationalIndex currentIndex() {
        return readIndex(true);
    }

    @Override
    public void storeBoundaries(String tenantId, String version, List<AdminBoundary> boundaries) {
        byte[] gz = BoundaryFiles.gzip(boundaries);
        s3.get().put(bucket(), boundaryKey(tenantId, version), Map.of("tenant", tenantId, "boundary-version", version),
                gz);
        LOG.info("tenant.boundaries_stored", "tenant", tenantId, "boundaryVersion", version, "gzipBytes", gz.length,
                "features", boundaries.size());
    }

    @Override
    public List<AdminBoundary> loadBoundaries(String tenantId, String version) {
        long started = System.nanoTime();
        List<AdminBoundary> list;
        try (InputStream in = s3.get().open(bucket(), boundaryKey(tenantId, version))) {
            list = BoundaryFiles.read(in, "boundaries", false);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        boundaryLoads.add(tenantId);
        LOG.info("tenant.boundaries_loaded", "tenant", tenantId, "boundaryVersion", version, "features", list.size(),
                "ms", (System.nanoTime() - started) / 1_000_000);
        return list;
    }

    @Override
    public void commit(Tenant tenant, String document, TenantEntry entry, NationalIndex basedOn) {
        NationalIndex next = basedOn.with(entry);
        byte[] indexBytes = TenantItems.index(next);
        if (indexBytes.length > MAX_INDEX_BYTES) {
            throw new IllegalStateException("the national index would be " + indexBytes.length + " bytes; split it "
                    + "(see docs/tenants.md) before onboarding more tenants");
        }
        String now = TableKeys.sortable(clock.instant());
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        StringBuilder set = new StringBuilder("SET #createdAt = if_not_exists(#createdAt, :now)");
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("entity", AttributeValue.fromS("TENANT"));
        attributes.put("tenantId", AttributeValue.fromS(tenant.id()));
        attributes.put("name", AttributeValue.fromS(tenant.name()));
        attributes.put("timeZone", AttributeValue.fromS(tenant.zone().getId()));
        attributes.put("version", AttributeValue.fromN(Long.toString(entry.version())));
        attributes.put("sequence", AttributeValue.fromN(Long.toString(entry.sequence())));
        attributes.put("boundaryVersion", AttributeValue.fromS(entry.boundaryVersion()));
        attributes.put("boundaryKey", AttributeValue.fromS(boundaryKey(tenant.id(), entry.boundaryVersion())));
        attributes.put("boxes", AttributeValue.fromS(TenantItems.boxes(entry.boxes())));
        attributes.put("areas", AttributeValue.fromB(SdkBytes.fromByteArray(TenantItems.areas(tenant.areas()))));
        attributes.put("doc", AttributeValue.fromB(SdkBytes.fromByteArray(TenantItems.gzip(document))));
        attributes.put("updatedAt", AttributeValue.fromS(now));
        if (entry.code() != null) {
            attributes.put("code", AttributeValue.fromS(entry.code()));
        }
        names.put("#createdAt", "createdAt");
        values.put(":now", AttributeValue.fromS(now));
        int i = 0;
        for (var a : attributes.entrySet()) {
            names.put("#a" + i, a.getKey());
            values.put(":a" + i, a.getValue());
            set.append(", #a").append(i).append(" = :a").append(i);
            i++;
        }
        // only these attributes are set: others on the item (e.g. the RT roster's reference) stay as they are
        Update tenantItem = Update.builder().tableName(table).key(tenantKey(tenant.id())).updateExpression(set.toString())
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
        Map<String, AttributeValue> indexItem = new HashMap<>();
        indexItem.put(TableKeys.PK, AttributeValue.fromS(TableKeys.TENANT_INDEX_PK));
        indexItem.put(TableKeys.SK, AttributeValue.fromS(TableKeys.TENANT_INDEX_SK));
        indexItem.put("entity", AttributeValue.fromS("TENANT_INDEX"));
        indexItem.put("version", AttributeValue.fromN(Long.toString(next.version())));
        indexItem.put("tenants", AttributeValue.fromN(Integer.toString(next.size())));
        indexItem.put("entries", AttributeValue.fromB(SdkBytes.fromByteArray(indexBytes)));
        indexItem.put("updatedAt", AttributeValue.fromS(now));
        Put.Builder put = Put.builder().tableName(table).item(indexItem);
        if (basedOn.version() == 0) {
            put.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", TableKeys.PK));
        } else {
            put.conditionExpression("#v = :expected").expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(basedOn.version()))));
        }
        try {
            dynamo.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder().update(tenantItem).build(),
                    TransactWriteItem.builder().put(put.build()).build()));
        } catch (TransactionCanceledException e) {
            boolean conflict = e.hasCancellationReasons() && e.cancellationReasons().stream()
                    .map(CancellationReason::code).anyMatch(c -> "ConditionalCheckFailed".equals(c)
                            || "TransactionConflict".equals(c));
            if (conflict) {
                throw new ConcurrentChangeException("the national index changed since version " + basedOn.version());
            }
            throw e;
        }
        synchronized (this) {
            index = next;
            indexReadAt = clock.instant();
        }
    }

    /**
     * Onboards a whole document (boundaries inline) as a platform admin would: the sample tenants of the local stack
     * and tests ({@code SampleTenants}). True if the tenant was new.
     */
    public boolean save(Tenant tenant, String documentJson) {
        Caller platform = new Caller("sample-data", Role.PLATFORM_ADMIN, null, null, null, null, null);
        String document = BoundaryFiles.split(documentJson).document();
        return new TenantOnboardingService(this).onboard(platform,
                new TenantOnboardingService.Draft(tenant.id(), document, b -> tenant, tenant.boundaries())).created();
    }

    // ------------------------------------------------------------------ loading

    private NationalIndex readIndex(boolean consistent) {
        var response = dynamo.getItem(r -> r.tableName(table).consistentRead(consistent).key(Map.of(
                TableKeys.PK, AttributeValue.fromS(TableKeys.TENANT_INDEX_PK),
                TableKeys.SK, AttributeValue.fromS(TableKeys.TENANT_INDEX_SK))));
        if (!response.hasItem() || response.item().isEmpty()) {
            return NationalIndex.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return TenantItems.index(item.get("entries").b().asByteArray(), Long.parseLong(item.get("version").n()));
    }

    /** Reads the tenant's document item; its polygons stay lazy (reused from {@code previous} if the same version). */
    private Optional<Cached> load(String tenantId, Tenant previous) {
        var response = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(tenantKey(tenantId)));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        TenantEntry entry = entry(item);
        String boundaryVersion = entry.boundaryVersion();
        Boundaries boundaries;
        if (previous != null && boundaryVersion.equals(previous.boundarySet().version())) {
            boundaries = previous.boundarySet();
        } else {
            TenantAreas areas = TenantItems.areas(item.get("areas").b().asByteArray());
            boundaries = Boundaries.lazy(boundaryVersion, areas, () -> {
                List<AdminBoundary> list = loadBoundaries(tenantId, boundaryVersion);
                trimCache(tenantId, list.stream().mapToLong(b -> b.geometry().getNumPoints()).sum());
                return list;
            });
        }
        String document = TenantItems.gunzip(item.get("doc").b().asByteArray());
        Tenant tenant = TenantDocuments.parse(json.tree(document), tenantId, boundaries);
        return Optional.of(new Cached(tenant, entry.version()));
    }

    /** Drops the least recently used tenants' polygons until those kept, with {@code adding}, fit the budget. */
    private void trimCache(String loadingId, long adding) {
        synchronized (this) {
            long total = adding;
            for (Cached c : tenants.values()) {
                if (!c.tenant().id().equals(loadingId)) {
                    total += c.tenant().boundarySet().positions();
                }
            }
            Iterator<Cached> eldest = tenants.values().iterator();
            while (total > cachePositions && eldest.hasNext()) {
                Tenant t = eldest.next().tenant();
                if (!t.id().equals(loadingId) && t.boundarySet().isLoaded()) {
                    total -= t.boundarySet().positions();
                    eldest.remove();
                }
            }
        }
    }

    private static TenantEntry entry(Map<String, AttributeValue> item) {
        return new TenantEntry(item.get("tenantId").s(), item.get("name").s(),
                java.time.ZoneId.of(item.get("timeZone").s()), item.containsKey("code") ? item.get("code").s() : null,
                Long.parseLong(item.get("version").n()), item.get("boundaryVersion").s(),
                TenantItems.boxes(item.get("boxes").s()), Long.parseLong(item.get("sequence").n()));
    }

    private static Map<String, AttributeValue> tenantKey(String tenantId) {
        return Map.of(TableKeys.PK, AttributeValue.fromS(TableKeys.tenantPk(tenantId)),
                TableKeys.SK, AttributeValue.fromS(TableKeys.TENANT_SK));
    }

    static String boundaryKey(String tenantId, String version) {
        return "boundaries/" + tenantId + "/" + version + ".geojson.gz";
    }

    private String bucket() {
        return env.require(FunctionEnvironment.BOUNDARIES_BUCKET);
    }
}
