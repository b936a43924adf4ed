package id.laporwarga.platform.tenant;

import id.laporwarga.domain.port.TenantCatalog;
import id.laporwarga.domain.port.TenantRegistry;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.store.TableKeys;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Tenant documents in the single table (pk {@code TENANT}, sk = tenant id), gzip-compressed so a city's boundaries fit
 * well inside DynamoDB's 400 KB item limit. Parsed tenants (with their polygon index) are cached per container and
 * reloaded after {@link #CACHE_TTL}, so an onboarding change reaches every warm function within a minute.
 */
@Singleton
public class DynamoTenantStore implements TenantCatalog, TenantRegistry {
    public static final Duration CACHE_TTL = Duration.ofSeconds(60);

    private final DynamoDbClient dynamo;
    private final Json json;
    private final String table;
    private final Clock clock;
    private volatile Map<String, Tenant> cache;
    private volatile Instant loadedAt = Instant.EPOCH;

    public DynamoTenantStore(DynamoDbClient dynamo, Json json, FunctionEnvironment env) {
        this.dynamo = dynamo;
        this.json = json;
        this.table = env.require(FunctionEnvironment.TABLE_NAME);
        this.clock = Clock.systemUTC();
    }

    @Override
    public List<Tenant> all() {
        return List.copyOf(tenants().values());
    }

    @Override
    public Optional<Tenant> find(String tenantId) {
        return Optional.ofNullable(tenants().get(tenantId));
    }

    /** The raw tenant document as onboarded (JSON). */
    public Optional<String> document(String tenantId) {
        var response = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(TableKeys.PK, AttributeValue.fromS(TableKeys.TENANT_PK), TableKeys.SK, AttributeValue.fromS(tenantId))));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(gunzip(response.item().get("doc").b().asByteArray())) : Optional.empty();
    }

    /** Stores a validated tenant document; returns true if it was new. */
    @Override
    public boolean save(Tenant tenant, String documentJson) {
        Map<String, AttributeValue> item = Map.of(
                TableKeys.PK, AttributeValue.fromS(TableKeys.TENANT_PK),
                TableKeys.SK, AttributeValue.fromS(tenant.id()),
                "entity", AttributeValue.fromS("TENANT"),
                "name", AttributeValue.fromS(tenant.name()),
                "updatedAt", AttributeValue.fromS(TableKeys.sortable(clock.instant())),
                "doc", AttributeValue.fromB(SdkBytes.fromByteArray(gzip(documentJson))));
        var response = dynamo.putItem(r -> r.tableName(table).item(item)
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_OLD));
        invalidate();
        return !response.hasAttributes() || response.attributes().isEmpty();
    }

    public void invalidate() {
        loadedAt = Instant.EPOCH;
    }

    private Map<String, Tenant> tenants() {
        Map<String, Tenant> current = cache;
        if (current != null && clock.instant().isBefore(loadedAt.plus(CACHE_TTL))) {
            return current;
        }
        synchronized (this) {
            if (cache != null && clock.instant().isBefore(loadedAt.plus(CACHE_TTL))) {
                return cache;
            }
            Map<String, Tenant> loaded = new LinkedHashMap<>();
            Map<String, AttributeValue> start = null;
            do {
                QueryRequest.Builder q = QueryRequest.builder().tableName(table)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", TableKeys.PK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.TENANT_PK)));
                if (start != null) {
                    q.exclusiveStartKey(start);
                }
                QueryResponse page = dynamo.query(q.build());
                for (Map<String, AttributeValue> item : page.items()) {
                    String doc = gunzip(item.get("doc").b().asByteArray());
                    Tenant t = TenantDocuments.parse(json.tree(doc), item.get(TableKeys.SK).s());
                    loaded.put(t.id(), t);
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
            cache = loaded;
            loadedAt = clock.instant();
            return loaded;
        }
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String gunzip(byte[] bytes) {
        try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(gz.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For tests: names of all stored tenants. */
    List<String> ids() {
        return new ArrayList<>(tenants().keySet());
    }
}
