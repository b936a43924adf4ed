package id.laporwarga.local.hostile;

import static id.laporwarga.local.privacy.StackHttp.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.laporwarga.local.DevStack;
import id.laporwarga.local.DevStackOptions;
import id.laporwarga.local.auth.LocalAuthPlugin;
import id.laporwarga.local.auth.LocalTokens;
import id.laporwarga.local.privacy.StackHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 1,000 generated forged RT submissions over HTTP against the local stack (sample roster imported at start): no
 * token, an expired or tampered token, another RT's id, an RT that is not rostered, an RT of another tenant, an
 * official who is no RT head, RT activity on the public route, a made-up RT on a service request. Every one is
 * refused with its 4xx, nothing is stored, and the RT scores are the same before and after.
 */
@Tag("emulator")
@Timeout(600)
class ForgedRtReportsIT {
    static final String TENANT = "kotamobagu";
    static final String MY_RT = "71.74.02.1007-RT001";
    static final String NEIGHBOUR_RT = "71.74.02.1007-RT002";
    static final int FORGERIES = 1000;

    static DevStack local;
    static StackHttp http;
    static LocalTokens signer;

    enum Forgery { NO_TOKEN, EXPIRED_TOKEN, TAMPERED_TOKEN, OTHER_RT_IN_BODY, UNROSTERED_RT, OTHER_TENANTS_RT,
        NOT_AN_RT_HEAD, PUBLIC_ROUTE, UNROSTERED_SERVICE_REQUEST }

    @BeforeAll
    static void start() {
        local = DevStack.start(DevStackOptions.forTests().stackName("forged-" + UUID.randomUUID().toString()
                .substring(0, 6)).pollQueues(false));
        http = new StackHttp(local);
        signer = local.plugins().stream().filter(p -> p instanceof LocalAuthPlugin)
                .map(p -> ((LocalAuthPlugin) p).tokens()).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            local.close();
        }
    }

    /** A token the local user pool signs with any claims (Cognito would never issue the forged ones). */
    static String signed(String role, String tenant, String area, Duration validity) {
        return signer.mint("forger-" + role.toLowerCase(), Map.of("custom:role", role, "custom:tenant", tenant,
                "custom:area", area), validity);
    }

    static Map<String, Object> activity(String rtId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", "GOTONG_ROYONG");
        body.put("description", "Kerja bakti membersihkan saluran air bersama warga.");
        body.put("location", Map.of("lat", 0.711720, "lon", 124.341927)); // Motoboi Besar
        body.put("photos", List.of(Map.of("contentType", "image/jpeg", "sizeBytes", 245760)));
        if (rtId != null) {
            body.put("rtId", rtId);
        }
        return body;
    }

    static HttpResponse<String> post(String path, String token, Map<String, Object> body) {
        return http.call("POST", path, token, body, "Idempotency-Key", UUID.randomUUID().toString());
    }

    /** The public ranking of this month after a provisional scoring run: rtId -> score and active flag. */
    static Map<String, String> scores() {
        // one job message of the score-jobs queue, handed to score-rt synchronously (the month is open: provisional)
        local.functions().get("ScoreRtFunction").invoke(id.laporwarga.testkit.QueueEvents.sqs("{\"tenant\":\"" + TENANT
                + "\",\"period\":\"" + YearMonth.now(ZoneId.of("Asia/Makassar")) + "\"}"));
        JsonNode ranking = expect(200, http.call("GET", "/v1/public/" + TENANT + "/rt?period="
                + YearMonth.now(ZoneId.of("Asia/Makassar")), null, null));
        Map<String, String> out = new LinkedHashMap<>();
        ranking.get("rts").forEach(r -> out.put(r.get("rtId").asText(), r.get("score").asInt() + "/"
                + r.get("active").asBoolean() + "/" + r.get("rank").asInt()));
        return out;
    }

    @Test
    void forgedRtSubmissionsStoreNothingAndChangeNoScore() {
        // the route works for the real RT head (else the refusals below would prove nothing)
        String mine = expect(201, http.call("POST", "/_local/tokens", null, Map.of("role", "RT_HEAD", "tenant", TENANT,
                "area", MY_RT))).get("token").asText();
        JsonNode genuine = expect(201, post("/v1/rt/reports", mine, activity(null)));
        assertEquals("AWAITING_PHOTOS", genuine.get("status").asText());
        // the local sign-in, like Cognito, has no RT head for an RT that is not rostered
        JsonNode noAccount = expect(422, http.call("POST", "/_local/tokens", null, Map.of("role", "RT_HEAD",
                "tenant", TENANT, "area", "71.74.02.1007-RT999")));
        assertEquals("UNKNOWN_RT", noAccount.get("error").get("code").asText());

        Map<String, String> before = scores();
        assertEquals(99, before.size(), "every rostered RT is ranked");
        assertTrue(before.values().stream().filter(v -> v.startsWith("0/false")).count() >= 98);
        Map<String, Long> stored = StackContents.count(local.stack());

        String expired = expect(201, http.call("POST", "/_local/tokens", null, Map.of("role", "RT_HEAD", "tenant",
                TENANT, "area", MY_RT, "expiresInSeconds", -60))).get("token").asText();
        String[] parts = mine.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + (parts[2].startsWith("A") ? "B" : "A") + parts[2].substring(1);
        String unrostered = signed("RT_HEAD", TENANT, "71.74.02.1007-RT" + 500, Duration.ofHours(1));
        String otherTenant = signed("RT_HEAD", "bolaang-mongondow", MY_RT, Duration.ofHours(1));
        String kelurahan = signed("KELURAHAN", TENANT, "71.74.02.1007", Duration.ofHours(1));

        Random random = new Random(20261203L);
        Forgery[] kinds = Forgery.values();
        Map<Forgery, Integer> tried = new EnumMap<>(Forgery.class);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < FORGERIES; i++) {
            Forgery f = kinds[random.nextInt(kinds.length)];
            tried.merge(f, 1, Integer::sum);
            String someRt = random.nextBoolean() ? NEIGHBOUR_RT : "71.74.0" + (1 + random.nextInt(4)) + ".10"
                    + random.nextInt(10) + random.nextInt(10) + "-RT" + (100 + random.nextInt(900));
            HttpResponse<String> r = switch (f) {
                case NO_TOKEN -> post("/v1/rt/reports", null, activity(random.nextBoolean() ? MY_RT : null));
                case EXPIRED_TOKEN -> post("/v1/rt/reports", expired, activity(null));
                case TAMPERED_TOKEN -> post("/v1/rt/reports", tampered, activity(null));
                case OTHER_RT_IN_BODY -> post("/v1/rt/reports", mine, activity(someRt));
                case UNROSTERED_RT -> post("/v1/rt/reports", unrostered, activity(null));
                case OTHER_TENANTS_RT -> post("/v1/rt/reports", otherTenant, activity(null));
                case NOT_AN_RT_HEAD -> post("/v1/rt/reports", kelurahan, activity(MY_RT));
                case PUBLIC_ROUTE -> {
                    Map<String, Object> body = activity(random.nextBoolean() ? MY_RT : someRt);
                    body.put("kind", "RT_ACTIVITY");
                    yield post("/v1/reports", random.nextBoolean() ? null : mine, body);
                }
                case UNROSTERED_SERVICE_REQUEST -> {
                    Map<String, Object> body = activity("71.74.02.1007-RT" + (100 + random.nextInt(900)));
                    body.put("kind", random.nextBoolean() ? "SERVICE_REQUEST" : "COMPLAINT");
                    body.put("category", "SAMPAH");
                    yield post("/v1/reports", null, body);
                }
            };
            Set<Integer> expected = switch (f) {
                case NO_TOKEN, EXPIRED_TOKEN, TAMPERED_TOKEN -> Set.of(401);
                case OTHER_RT_IN_BODY, NOT_AN_RT_HEAD, PUBLIC_ROUTE -> Set.of(403);
                case UNROSTERED_RT, UNROSTERED_SERVICE_REQUEST, OTHER_TENANTS_RT -> Set.of(422);
            };
            if (!expected.contains(r.statusCode()) || Answers.problem("POST", r.statusCode(), r.headers(), r.body()) != null) {
                wrong.add(f + " -> " + r.statusCode() + " " + r.body());
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " forged submissions were not refused as expected, e.g. "
                + wrong.subList(0, Math.min(5, wrong.size())));
        assertEquals(kinds.length, tried.size(), "every kind of forgery was tried: " + tried);
        assertEquals(stored, StackContents.count(local.stack()), "0 stored: no case, code, key or photo");
        assertEquals(before, scores(), "0 score changes");
        System.out.printf("forged RT submissions: %d refused, 0 stored, 0 score changes; %s%n", FORGERIES, tried);
    }
}
