package id.laporwarga.local.e2e;

import id.laporwarga.testkit.RepositoryFiles;
import id.laporwarga.testkit.SamplePoints;
import id.laporwarga.testkit.TaggedPhotos;
import static id.laporwarga.local.e2e.SharedDevStack.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issues 6 and 7 on the whole local stack, over HTTP only: an RT head's activity report climbs kelurahan → kecamatan
 * → city review and then counts in the RT's score (scored on demand through {@code POST /_local/schedules/...} with
 * a chosen period); a complaint goes from the agency to RESOLVED and the citizen closes it with the secret.
 */
@Tag("emulator")
@Timeout(120)
@ExtendWith(SharedDevStack.class)
class ReviewAndScoreE2EIT {
    static final String KECAMATAN = "71.74.02";
    static final String KELURAHAN = "71.74.02.1007";

    @Test
    void rtActivityIsApprovedAtEveryTierAndCountsInTheRtScore() {
        assumeTrue(Commands.onPath("curl"), "curl is not installed");
        LaporApi api = new LaporApi(local());
        // a rostered RT of the sample roster that no other test reports for, so its score holds this report only
        String rtId = KELURAHAN + "-RT003";
        String period = YearMonth.now(ZoneId.of("Asia/Makassar")).toString(); // Kotamobagu is WITA
        String ranking = "/v1/public/" + LaporApi.TENANT + "/rt?period=" + period;
        StreamSupport.stream(LaporApi.json(api.call("GET", ranking, null, null)).get("rts").spliterator(), false)
                .filter(r -> rtId.equals(r.get("rtId").asText()))
                .forEach(r -> assertFalse(r.get("active").asBoolean(), "no approved activity before: " + r));

        double[] motoboiBesar = SamplePoints.named("Motoboi Besar").latLon();
        Path photo = TaggedPhotos.temporaryFile(TaggedPhotos.nikonTakenAnHourAgo(motoboiBesar), ".jpg");
        String rtHead = api.token("RT_HEAD", rtId);
        HttpResponse<String> submitted = api.call("POST", "/v1/rt/reports", rtHead,
                LaporApi.report("RT_ACTIVITY", "GOTONG_ROYONG", motoboiBesar, "PUBLIC", rtId, photo),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, submitted.statusCode(), submitted.body());
        JsonNode submission = LaporApi.json(submitted);
        LaporApi.uploadWithCurl(submission, photo);
        String caseId = submission.get("caseId").asText();
        String trackingCode = submission.get("trackingCode").asText();

        JsonNode inReview = api.awaitStatus(trackingCode, "KELURAHAN_REVIEW", Duration.ofSeconds(10));
        assertTrue(StreamSupport.stream(inReview.get("history").spliterator(), false)
                .anyMatch(h -> "VERIFIED".equals(h.get("status").asText())), "verified before review: " + inReview);

        String kelurahan = api.token("KELURAHAN", KELURAHAN);
        JsonNode inbox = LaporApi.json(api.call("GET", "/v1/inbox", kelurahan, null));
        assertTrue(inbox.get("items").toString().contains(caseId), "in the kelurahan's inbox: " + inbox);
        long version = api.caseView(kelurahan, caseId).get("version").asLong();
        HttpResponse<String> stale = api.call("POST", "/v1/cases/" + caseId + "/actions", kelurahan,
                Map.of("action", "approve", "expectedVersion", version - 1));
        assertEquals(409, stale.statusCode(), stale.body());
        assertEquals("VERSION_CONFLICT", LaporApi.json(stale).at("/error/code").asText());

        assertEquals("KECAMATAN_REVIEW", api.act(kelurahan, caseId, "approve", null).get("status").asText());
        assertEquals("CITY_REVIEW", api.act(api.token("KECAMATAN", KECAMATAN), caseId, "approve", null)
                .get("status").asText());
        assertEquals("APPROVED", api.act(api.token("CITY_ADMIN", null), caseId, "approve", null)
                .get("status").asText());
        assertEquals("APPROVED", api.publicView(trackingCode).get("status").asText());

        // score the current month now (provisional: the month is not over), with the period given in the body
        // (the schedule's fan-out sends the tenant's job message; the score-jobs queue's event source runs score-rt)
        HttpResponse<String> run = api.call("POST", "/_local/schedules/TenantJobsFunction?event=ScoreDailyProvisional",
                null, Map.of("job", "score", "tenant", LaporApi.TENANT, "period", period));
        assertEquals(200, run.statusCode(), run.body());
        assertEquals(1, LaporApi.json(run).get("sent").asInt(), run.body());

        JsonNode rts = awaitRanking(api, ranking, rtId, Duration.ofSeconds(60));
        assertEquals("PROVISIONAL", rts.get("status").asText(), rts.toString());
        JsonNode row = StreamSupport.stream(rts.get("rts").spliterator(), false)
                .filter(r -> rtId.equals(r.get("rtId").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(rtId + " not in the ranking: " + rts));
        int score = row.get("score").asInt();

        HttpResponse<String> performance = api.call("GET", "/v1/public/" + LaporApi.TENANT + "/rt/" + rtId
                + "/performance?period=" + period, null, null);
        assertEquals(200, performance.statusCode(), performance.body());
        JsonNode detail = LaporApi.json(performance);
        assertEquals(score, detail.get("score").asInt());
        int sum = detail.get("clampAdjustment").asInt();
        JsonNode activity = null;
        for (JsonNode line : detail.get("breakdown")) {
            sum += line.get("points").asInt();
            if ("VERIFIED_ACTIVITY".equals(line.get("component").asText())) {
                activity = line;
            }
        }
        assertEquals(score, sum, "the breakdown adds up to the score: " + detail);
        assertTrue(activity != null && activity.get("counted").asInt() == 1 && activity.get("points").asInt() > 0,
                "the approved, verified activity earns points: " + detail);
        System.out.printf("e2e: %s scored %d for %s (%s)%n", rtId, score, period, detail.get("breakdown"));
    }

    @Test
    void complaintIsResolvedByTheAgencyAndClosedByTheCitizen() {
        assumeTrue(Commands.onPath("curl"), "curl is not installed");
        LaporApi api = new LaporApi(local());
        double[] kobo = SamplePoints.named("Kobo Besar").latLon();
        Path photo = TaggedPhotos.temporaryFile(TaggedPhotos.nikonTakenAnHourAgo(kobo), ".jpg");
        JsonNode submission = api.submit(LaporApi.report("COMPLAINT", "SAMPAH", kobo, "PUBLIC", null, photo));
        LaporApi.uploadWithCurl(submission, photo);
        String caseId = submission.get("caseId").asText();
        String trackingCode = submission.get("trackingCode").asText();
        api.awaitStatus(trackingCode, "ROUTED", Duration.ofSeconds(10));

        String dlh = api.token("AGENCY_STAFF", "dlh");
        assertEquals(403, api.call("GET", "/v1/cases/" + caseId, api.token("AGENCY_STAFF", "dishub"), null)
                .statusCode(), "another agency cannot see it");
        api.act(dlh, caseId, "acknowledge", null);
        api.act(dlh, caseId, "start", null);
        assertEquals("RESOLVED", api.act(dlh, caseId, "resolve", "Sampah sudah diangkut truk DLH.")
                .get("status").asText());
        assertEquals("RESOLVED", api.publicView(trackingCode).get("status").asText());

        String confirm = "/v1/reports/" + trackingCode + "/confirm";
        assertEquals(403, api.call("POST", confirm, null, Map.of("secret", "bukan-rahasianya")).statusCode());
        HttpResponse<String> confirmed = api.call("POST", confirm, null,
                Map.of("secret", submission.get("reporterSecret").asText()));
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertEquals("CLOSED", LaporApi.json(confirmed).get("status").asText());
        JsonNode closed = api.publicView(trackingCode);
        assertEquals("CLOSED", closed.get("status").asText());
        assertEquals("[\"AWAITING_PHOTOS\",\"VERIFIED\",\"ROUTED\",\"ACKNOWLEDGED\",\"IN_PROGRESS\",\"RESOLVED\",\"CLOSED\"]",
                LaporApi.JSON.valueToTree(StreamSupport.stream(closed.get("history").spliterator(), false)
                        .map(h -> h.get("status").asText()).toList()).toString(), closed.toString());
    }

    /** The ranking once scored with {@code rtId} in it (the queued score job ran); fails with the last answer. */
    private static JsonNode awaitRanking(LaporApi api, String ranking, String rtId, Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < until) {
            HttpResponse<String> r = api.call("GET", ranking, null, null);
            last = r.statusCode() + " " + r.body();
            if (r.statusCode() == 200) {
                JsonNode rts = LaporApi.json(r);
                boolean scored = !"NOT_SCORED".equals(rts.path("status").asText());
                if (scored && StreamSupport.stream(rts.get("rts").spliterator(), false)
                        .anyMatch(row -> rtId.equals(row.get("rtId").asText())
                                // rostered RTs are listed from any earlier run (0, inactive): wait for this one's
                                && row.path("active").asBoolean())) {
                    return rts;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(rtId + " not in the ranking after " + timeout + ": " + last);
    }
}
