package id.laporwarga.platform.store;

import static id.laporwarga.platform.store.Attributes.n;
import static id.laporwarga.platform.store.Attributes.num;
import static id.laporwarga.platform.store.Attributes.putIf;
import static id.laporwarga.platform.store.Attributes.s;
import static id.laporwarga.platform.store.Attributes.str;

import id.laporwarga.domain.port.RtScores;
import id.laporwarga.domain.scoring.AreaStats;
import id.laporwarga.domain.scoring.ComponentScore;
import id.laporwarga.domain.scoring.PeriodScores;
import id.laporwarga.domain.scoring.RtCounts;
import id.laporwarga.domain.scoring.RtScore;
import id.laporwarga.domain.scoring.ScoreComponentType;
import id.laporwarga.platform.FunctionEnvironment;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * RT scores in the single table (no scans):
 * <ul>
 *   <li>{@code pk=SCORE#<tenant>#<period>}, {@code sk=RT#<rtId>}: one RT's score with its breakdown (the ranking is
 *       one Query);</li>
 *   <li>{@code pk=SCORE#<tenant>#<period>}, {@code sk=AREA#<kecamatan>[#<kelurahan>]}: complaint figures per area;</li>
 *   <li>{@code pk=SCORE#<tenant>#<period>}, {@code sk=PERIOD}: the run's header (FINAL or PROVISIONAL, when, counts);</li>
 *   <li>{@code pk=RTSCORE#<tenant>#<rtId>}, {@code sk=<period>}: the same score again, for an RT's trend (one Query,
 *       newest first).</li>
 * </ul>
 * A provisional run never overwrites a closed (FINAL) period; a final run always may (it gives the same result).
 */
@Singleton
public class RtScoreStore implements RtScores {
    private final DynamoDbClient dynamo;
    private final String table;

    public RtScoreStore(DynamoDbClient dynamo, FunctionEnvironment env) {
        this.dynamo = dynamo;
        this.table = env.require(FunctionEnvironment.TABLE_NAME);
    }

    public static String periodPk(String tenantId, String period) {
        return "SCORE#" + tenantId + "#" + period;
    }

    public static String trendPk(String tenantId, String rtId) {
        return "RTSCORE#" + tenantId + "#" + rtId;
    }

    /**
     * Stores a period's scores. Returns false (and writes nothing) when {@code scores} is provisional and the period is
     * already closed.
     */
    @Override
    public boolean save(PeriodScores scores, Instant computedAt) {
        String status = scores.provisional() ? PROVISIONAL : FINAL;
        if (scores.provisional() && header(scores.tenantId(), scores.period()).map(h -> FINAL.equals(h.status())).orElse(false)) {
            return false;
        }
        String pk = periodPk(scores.tenantId(), scores.period());
        String at = TableKeys.sortable(computedAt);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (RtScore s : scores.rtScores()) {
            Map<String, AttributeValue> attrs = attributes(s, at);
            Map<String, AttributeValue> byPeriod = new HashMap<>(attrs);
            byPeriod.put(TableKeys.PK, s(pk));
            byPeriod.put(TableKeys.SK, s("RT#" + s.rtId()));
            items.add(byPeriod);
            Map<String, AttributeValue> trend = new HashMap<>(attrs);
            trend.put(TableKeys.PK, s(trendPk(s.tenantId(), s.rtId())));
            trend.put(TableKeys.SK, s(s.period()));
            items.add(trend);
        }
        for (AreaStats a : scores.areas()) {
            Map<String, AttributeValue> item = attributes(a, at, scores.provisional());
            item.put(TableKeys.PK, s(pk));
            item.put(TableKeys.SK, s("AREA#" + a.kecamatanCode() + (a.kelurahanCode() == null ? "" : "#" + a.kelurahanCode())));
            items.add(item);
        }
        BatchPuts.put(dynamo, table, items);

        Map<String, AttributeValue> header = new HashMap<>();
        header.put(TableKeys.PK, s(pk));
        header.put(TableKeys.SK, s("PERIOD"));
        header.put("entity", s("SCORE_PERIOD"));
        header.put("tenantId", s(scores.tenantId()));
        header.put("period", s(scores.period()));
        header.put("status", s(status));
        header.put("computedAt", s(at));
        header.put("casesRead", n(scores.casesRead()));
        header.put("rtCount", n(scores.rtScores().size()));
        try {
            dynamo.putItem(r -> {
                r.tableName(table).item(header);
                if (scores.provisional()) {
                    r.conditionExpression("attribute_not_exists(#pk) OR #s = :provisional")
                            .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#s", "status"))
                            .expressionAttributeValues(Map.of(":provisional", s(PROVISIONAL)));
                }
            });
        } catch (ConditionalCheckFailedException e) {
            return false; // closed meanwhile; the final run rewrites the items it owns
        }
        return true;
    }

    @Override
    public Optional<PeriodHeader> header(String tenantId, String period) {
        var r = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Map.of(TableKeys.PK, s(periodPk(tenantId, period)), TableKeys.SK, s("PERIOD"))));
        if (!r.hasItem() || r.item().isEmpty()) {
            return Optional.empty();
        }
        var i = r.item();
        return Optional.of(new PeriodHeader(tenantId, period, str(i, "status"), str(i, "computedAt"),
                num(i, "casesRead"), (int) num(i, "rtCount")));
    }

    /** Every RT score of a period (unsorted). */
    @Override
    public List<RtScore> rtScores(String tenantId, String period) {
        List<RtScore> out = new ArrayList<>();
        query(periodPk(tenantId, period), "RT#", false, 0, item -> out.add(rtScore(item)));
        return out;
    }

    @Override
    public Optional<RtScore> rtScore(String tenantId, String period, String rtId) {
        if (!TableKeys.fitsKeyLimits(periodPk(tenantId, period), "RT#" + rtId)) {
            return Optional.empty(); // e.g. a hostile rtId from the URL: no such score (DynamoDB would refuse the key)
        }
        var r = dynamo.getItem(g -> g.tableName(table)
                .key(Map.of(TableKeys.PK, s(periodPk(tenantId, period)), TableKeys.SK, s("RT#" + rtId))));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(rtScore(r.item())) : Optional.empty();
    }

    /** The RT's scores of up to {@code limit} periods up to {@code period}, newest first. */
    @Override
    public List<RtScore> trend(String tenantId, String rtId, String period, int limit) {
        List<RtScore> out = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            var request = QueryRequest.builder().tableName(table)
                    .keyConditionExpression("#pk = :pk AND #sk <= :period")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK))
                    .expressionAttributeValues(Map.of(":pk", s(trendPk(tenantId, rtId)), ":period", s(period)))
                    .scanIndexForward(false)
                    .limit(limit - out.size());
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            QueryResponse page = dynamo.query(request.build());
            page.items().forEach(i -> out.add(rtScore(i)));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null && out.size() < limit);
        return out;
    }

    /** Area figures of a period, kecamatan rows and kelurahan rows, ordered by code. */
    @Override
    public List<AreaStats> areas(String tenantId, String period) {
        List<AreaStats> out = new ArrayList<>();
        query(periodPk(tenantId, period), "AREA#", true, 0, item -> out.add(areaStats(item)));
        return out;
    }

    private void query(String pk, String skPrefix, boolean forward, int limit,
                       java.util.function.Consumer<Map<String, AttributeValue>> sink) {
        Map<String, AttributeValue> startKey = null;
        do {
            var request = QueryRequest.builder().tableName(table)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK))
                    .expressionAttributeValues(Map.of(":pk", s(pk), ":prefix", s(skPrefix)))
                    .scanIndexForward(forward);
            if (limit > 0) {
                request.limit(limit);
            }
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            QueryResponse page = dynamo.query(request.build());
            page.items().forEach(sink);
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
    }

    // ------------------------------------------------------------------ mapping

    static Map<String, AttributeValue> attributes(RtScore s, String computedAt) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("entity", s("RT_SCORE"));
        m.put("tenantId", s(s.tenantId()));
        m.put("period", s(s.period()));
        m.put("rtId", s(s.rtId()));
        putIf(m, "kecamatanCode", s.kecamatanCode());
        putIf(m, "kelurahanCode", s.kelurahanCode());
        putIf(m, "kelurahanName", s.kelurahanName());
        m.put("score", n(s.score()));
        m.put("band", s(s.band()));
        m.put("incentiveRupiah", n(s.incentiveRupiah()));
        m.put("clampAdjustment", n(s.clampAdjustment()));
        m.put("provisional", AttributeValue.fromBool(s.provisional()));
        m.put("active", AttributeValue.fromBool(s.active()));
        m.put("computedAt", s(computedAt));
        List<AttributeValue> lines = new ArrayList<>();
        for (ComponentScore c : s.components()) {
            lines.add(AttributeValue.fromM(Map.of("type", s(c.type().name()), "raw", n(c.raw()),
                    "denominator", n(c.denominator()), "counted", n(c.counted()), "cap", n(c.cap()),
                    "weight", n(c.weight()), "points", n(c.points()), "noData", AttributeValue.fromBool(c.noData()))));
        }
        m.put("components", AttributeValue.fromL(lines));
        RtCounts k = s.counts();
        Map<String, AttributeValue> counts = new HashMap<>();
        counts.put("activitySubmitted", n(k.activitySubmitted()));
        counts.put("activityApproved", n(k.activityApproved()));
        counts.put("activityApprovedVerified", n(k.activityApprovedVerified()));
        counts.put("activityEligible", n(k.activityEligible()));
        counts.put("activityReturnedOrRejected", n(k.activityReturnedOrRejected()));
        counts.put("serviceSteps", n(k.serviceSteps()));
        counts.put("serviceStepsOnTime", n(k.serviceStepsOnTime()));
        counts.put("complaintsReceived", n(k.complaintsReceived()));
        counts.put("complaintsResolved", n(k.complaintsResolved()));
        counts.put("complaintsConfirmed", n(k.complaintsConfirmed()));
        m.put("counts", AttributeValue.fromM(counts));
        return m;
    }

    static RtScore rtScore(Map<String, AttributeValue> i) {
        List<ComponentScore> lines = new ArrayList<>();
        for (AttributeValue v : i.get("components").l()) {
            Map<String, AttributeValue> c = v.m();
            lines.add(new ComponentScore(ScoreComponentType.valueOf(c.get("type").s()), num(c, "raw"),
                    num(c, "denominator"), num(c, "counted"), (int) num(c, "cap"), (int) num(c, "weight"),
                    (int) num(c, "points"), c.get("noData").bool()));
        }
        Map<String, AttributeValue> k = i.get("counts").m();
        RtCounts counts = new RtCounts((int) num(k, "activitySubmitted"), (int) num(k, "activityApproved"),
                (int) num(k, "activityApprovedVerified"), (int) num(k, "activityEligible"),
                (int) num(k, "activityReturnedOrRejected"), (int) num(k, "serviceSteps"),
                (int) num(k, "serviceStepsOnTime"), (int) num(k, "complaintsReceived"),
                (int) num(k, "complaintsResolved"), (int) num(k, "complaintsConfirmed"));
        return new RtScore(str(i, "tenantId"), str(i, "period"), str(i, "rtId"), str(i, "kecamatanCode"),
                str(i, "kelurahanCode"), str(i, "kelurahanName"), (int) num(i, "score"), str(i, "band"),
                num(i, "incentiveRupiah"), (int) num(i, "clampAdjustment"), lines, counts,
                i.containsKey("provisional") && i.get("provisional").bool(),
                !i.containsKey("active") || i.get("active").bool()); // scores stored before the roster: active
    }

    static Map<String, AttributeValue> attributes(AreaStats a, String computedAt, boolean provisional) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("entity", s("AREA_STATS"));
        m.put("tenantId", s(a.tenantId()));
        m.put("period", s(a.period()));
        m.put("kecamatanCode", s(a.kecamatanCode()));
        putIf(m, "kecamatanName", a.kecamatanName());
        putIf(m, "kelurahanCode", a.kelurahanCode());
        putIf(m, "kelurahanName", a.kelurahanName());
        m.put("received", n(a.received()));
        m.put("resolved", n(a.resolved()));
        if (a.medianResolveHours() != null) {
            m.put("medianResolveHours", AttributeValue.fromN(Double.toString(a.medianResolveHours())));
        }
        m.put("overdue", n(a.overdue()));
        m.put("rts", n(a.rts()));
        m.put("activeRts", n(a.activeRts()));
        m.put("provisional", AttributeValue.fromBool(provisional));
        m.put("computedAt", s(computedAt));
        return m;
    }

    static AreaStats areaStats(Map<String, AttributeValue> i) {
        Double median = i.containsKey("medianResolveHours") ? Double.valueOf(i.get("medianResolveHours").n()) : null;
        return new AreaStats(str(i, "tenantId"), str(i, "period"), str(i, "kecamatanCode"), str(i, "kecamatanName"),
                str(i, "kelurahanCode"), str(i, "kelurahanName"), (int) num(i, "received"), (int) num(i, "resolved"),
                median, (int) num(i, "overdue"), (int) num(i, "rts"), (int) num(i, "activeRts"));
    }
}
