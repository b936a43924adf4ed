package id.laporwarga.platform.store;

import static id.laporwarga.platform.store.Attributes.n;
import static id.laporwarga.platform.store.Attributes.num;
import static id.laporwarga.platform.store.Attributes.putIf;
import static id.laporwarga.platform.store.Attributes.s;
import static id.laporwarga.platform.store.Attributes.str;

import id.laporwarga.domain.port.OfficialAccounts;
import id.laporwarga.domain.port.RosterStore;
import id.laporwarga.domain.roster.RosterEntry;
import id.laporwarga.domain.roster.RtHead;
import id.laporwarga.platform.FunctionEnvironment;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Each tenant's RT roster in the single table, one item per RT so that checking an rtId is one GetItem and a
 * tenant's roster one Query (never inside the tenant document):
 * <ul>
 *   <li>{@code pk=ROSTER#<tenant>}, {@code sk=RT#<rtId>}: rtId, number, RW, kecamatan and kelurahan (codes and
 *       names), active, the head's account (user name, invitation medium, status);</li>
 *   <li>{@code pk=ROSTER#<tenant>}, {@code sk=META}: the roster's version and counts.</li>
 * </ul>
 */
@Singleton
public class DynamoRoster implements RosterStore {
    static final String RT_PREFIX = "RT#";
    static final String META = "META";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock = Clock.systemUTC();

    public DynamoRoster(DynamoDbClient dynamo, FunctionEnvironment env) {
        this.dynamo = dynamo;
        this.table = env.require(FunctionEnvironment.TABLE_NAME);
    }

    public static String rosterPk(String tenantId) {
        return "ROSTER#" + tenantId;
    }

    @Override
    public Optional<RosterEntry> find(String tenantId, String rtId) {
        if (tenantId == null || rtId == null || !TableKeys.fitsKeyLimits(rosterPk(tenantId), RT_PREFIX + rtId)) {
            return Optional.empty(); // a hostile id from a token or body: no such RT (DynamoDB would refuse the key)
        }
        var r = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Map.of(TableKeys.PK, s(rosterPk(tenantId)), TableKeys.SK, s(RT_PREFIX + rtId))));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(entry(r.item())) : Optional.empty();
    }

    @Override
    public List<RosterEntry> list(String tenantId) {
        List<RosterEntry> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var q = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :rt)")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK))
                    .expressionAttributeValues(Map.of(":pk", s(rosterPk(tenantId)), ":rt", s(RT_PREFIX)));
            if (start != null) {
                q.exclusiveStartKey(start);
            }
            QueryResponse page = dynamo.query(q.build());
            page.items().forEach(i -> out.add(entry(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public Summary summary(String tenantId) {
        var r = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Map.of(TableKeys.PK, s(rosterPk(tenantId)), TableKeys.SK, s(META))));
        if (!r.hasItem() || r.item().isEmpty()) {
            return new Summary(tenantId, 0, 0, 0);
        }
        return new Summary(tenantId, num(r.item(), "version"), (int) num(r.item(), "rts"), (int) num(r.item(), "active"));
    }

    @Override
    public void save(String tenantId, Collection<RosterEntry> changed, Summary summary) {
        if (changed.isEmpty()) {
            return;
        }
        String now = TableKeys.sortable(clock.instant());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (RosterEntry e : changed) {
            if (!tenantId.equals(e.tenantId())) {
                throw new IllegalArgumentException("an RT of another tenant: " + e.tenantId());
            }
            items.add(item(e, now));
        }
        Map<String, AttributeValue> meta = new HashMap<>();
        meta.put(TableKeys.PK, s(rosterPk(tenantId)));
        meta.put(TableKeys.SK, s(META));
        meta.put("entity", s("ROSTER"));
        meta.put("tenantId", s(tenantId));
        meta.put("version", n(summary.version()));
        meta.put("rts", n(summary.rts()));
        meta.put("active", n(summary.active()));
        meta.put("updatedAt", s(now));
        items.add(meta);
        BatchPuts.put(dynamo, table, items);
    }

    static Map<String, AttributeValue> item(RosterEntry e, String updatedAt) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put(TableKeys.PK, s(rosterPk(e.tenantId())));
        m.put(TableKeys.SK, s(RT_PREFIX + e.rtId()));
        m.put("entity", s("ROSTER_RT"));
        m.put("tenantId", s(e.tenantId()));
        m.put("rtId", s(e.rtId()));
        putIf(m, "number", e.number());
        putIf(m, "rw", e.rw());
        putIf(m, "kecamatanCode", e.kecamatanCode());
        putIf(m, "kecamatanName", e.kecamatanName());
        m.put("kelurahanCode", s(e.kelurahanCode()));
        putIf(m, "kelurahanName", e.kelurahanName());
        m.put("active", AttributeValue.fromBool(e.active()));
        putIf(m, "headUsername", e.head().username());
        putIf(m, "headMedium", e.head().medium() == null ? null : e.head().medium().name());
        m.put("headStatus", s(e.head().status().name()));
        m.put("updatedAt", s(updatedAt));
        return m;
    }

    static RosterEntry entry(Map<String, AttributeValue> i) {
        String medium = str(i, "headMedium");
        RtHead head = new RtHead(str(i, "headUsername"), medium == null ? null : OfficialAccounts.Medium.valueOf(medium),
                RtHead.Status.valueOf(str(i, "headStatus")));
        return new RosterEntry(str(i, "tenantId"), str(i, "rtId"), str(i, "number"), str(i, "rw"),
                str(i, "kecamatanCode"), str(i, "kecamatanName"), str(i, "kelurahanCode"), str(i, "kelurahanName"),
                i.get("active").bool(), head.status() == RtHead.Status.NONE ? RtHead.NONE : head);
    }
}
