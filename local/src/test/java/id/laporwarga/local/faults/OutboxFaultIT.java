package id.laporwarga.local.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.outbox.OutboxEvent;
import id.laporwarga.domain.report.Assignment;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Reporter;
import id.laporwarga.domain.report.ReporterSecrets;
import id.laporwarga.emulators.LocalAws;
import id.laporwarga.local.DevStack;
import id.laporwarga.local.DevStackOptions;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.outbox.OutboxItems;
import id.laporwarga.platform.store.DynamoCaseRepository;
import id.laporwarga.platform.testing.StoredOutbox;
import id.laporwarga.testkit.HttpEvents;
import id.laporwarga.testkit.SamplePoints;
import id.laporwarga.testkit.TaggedPhotos;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The transactional outbox under an SNS outage, on the whole local stack (the outbox relay on the table's stream, as
 * Lambda's event source mapping runs it). Only the functions' SNS endpoint goes through a {@link FaultProxy}: while it
 * is cut, every case write (with its outbox items) succeeds and nothing can be published; that is the fault the outbox
 * is for ("the process died after the case write, before the publish"). After recovery every outbox event of every
 * type reaches its topic exactly once (counted at a queue subscribed to each of the four topics), route-to-agency
 * routes and alerts each case once, a redelivery of every routing event changes nothing, and a case an outage left in
 * VERIFIED past its step's deadline is routed by the sweeper.
 */
@Tag("emulator")
@Timeout(300)
class OutboxFaultIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    static final String TENANT = "kotamobagu";
    static final String SECRET = "Rahasia-pelapor-uji-2026";
    static final Map<String, String> ADMIN = HttpEvents.claims("admin-1", "CITY_ADMIN", TENANT, null);
    static final Map<String, String> DISHUB = HttpEvents.claims("dishub-1", "AGENCY_STAFF", TENANT, "dishub");
    static final AreaRef AREA = new AreaRef("71.74.02", "Kotamobagu Timur", "71.74.02.1007", "Motoboi Besar",
            AreaRef.KelurahanMatch.INSIDE);

    static LocalAws aws;
    static FaultProxy sns;
    static DevStack local;
    static ApplicationContext tools;
    static DynamoCaseRepository cases;
    static StoredOutbox outbox;
    static final Map<OutboxEvent.Channel, String> PROBES = new EnumMap<>(OutboxEvent.Channel.class);
    /** eventId -> messages received on the probe of its channel. */
    static final Map<String, Integer> RECEIVED = new HashMap<>();
    /** Bodies of the routing events received (case.verified, case.rerouted), to deliver them again. */
    static final List<String> ROUTING_BODIES = new ArrayList<>();
    /** Every outbox event written, by id. */
    static final Map<String, OutboxEvent> WRITTEN = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        aws = LocalAws.start();
        try {
            sns = new FaultProxy("sns", aws.motoPort());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        local = DevStack.start(DevStackOptions.forTests().aws(aws)
                .stackName("outbox-" + UUID.randomUUID().toString().substring(0, 6))
                .functionEnvironment("AWS_ENDPOINT_URL_SNS", sns.endpoint().toString()));
        tools = ApplicationContext.builder()
                .singletons(new FunctionEnvironment(local.stack().functionEnvironment("RouteToAgencyFunction"))).start();
        cases = tools.getBean(DynamoCaseRepository.class);
        outbox = new StoredOutbox(local.stack(), tools.getBean(OutboxItems.class));
        Map<OutboxEvent.Channel, String> topics = Map.of(
                OutboxEvent.Channel.CASE_EVENTS, "CaseEventsTopic", OutboxEvent.Channel.AGENCY_ALERTS, "AgencyAlertsTopic",
                OutboxEvent.Channel.CITIZEN_NOTICES, "CitizenNoticesTopic",
                OutboxEvent.Channel.SUPERVISOR_ALERTS, "SupervisorAlertsTopic");
        topics.forEach((channel, topic) -> {
            String url = aws.sqs().createQueue(r -> r.queueName("outbox-probe-" + channel.name().toLowerCase()))
                    .queueUrl();
            String arn = aws.sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            aws.sns().subscribe(r -> r.topicArn(local.stack().topicArn(topic)).protocol("sqs").endpoint(arn)
                    .attributes(Map.of("RawMessageDelivery", "true")));
            PROBES.put(channel, url);
        });
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {tools, local, sns, aws}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing anyway
                }
            }
        }
    }

    @Test
    void everyEventWrittenWhileSnsIsDownIsPublishedOnceAfterwardsAndEveryEffectHappensOnce() throws Exception {
        drainProbes(0);
        Set<String> earlier = Set.copyOf(RECEIVED.keySet()); // the other test's events, all settled when it ends
        sns.mode(FaultProxy.Mode.RESET);
        double[] inside = SamplePoints.inside().get(1).latLon();
        // the photo check's verdicts
        String verified = submitWithPhoto("SAMPAH", TaggedPhotos.nikonTakenAnHourAgo(inside));
        String referred = submitWithPhoto("LISTRIK_PLN", TaggedPhotos.nikonTakenAnHourAgo(inside));
        String needsReview = submitWithPhoto("SAMPAH", TaggedPhotos.noiseJpeg(40_000));
        String rejected = submitWithPhoto("SAMPAH",
                TaggedPhotos.nikonTakenAnHourAgo(SamplePoints.outside().get(0).latLon()));
        awaitStatus(verified, CaseStatus.VERIFIED);
        awaitStatus(referred, CaseStatus.VERIFIED);
        awaitStatus(needsReview, CaseStatus.NEEDS_REVIEW);
        awaitStatus(rejected, CaseStatus.REJECTED);

        // officials' and the reporter's moves, and the escalation run's
        String forwarded = seed(CaseStatus.TRIAGE, "BANJIR_ROB", "kominfo", Instant.now().plus(Duration.ofDays(3)));
        act(forwarded, ADMIN, "{\"action\":\"forward\",\"category\":\"PARKIR_LIAR\"}");
        String followed = seed(CaseStatus.ROUTED, "PARKIR_LIAR", "dishub", Instant.now().plus(Duration.ofDays(3)));
        act(followed, DISHUB, "{\"action\":\"acknowledge\"}");
        act(followed, DISHUB, "{\"action\":\"resolve\",\"note\":\"Sudah ditertibkan\"}");
        reporter(followed, "reopen", "{\"secret\":\"" + SECRET + "\",\"reason\":\"Masih ada\"}");
        act(followed, DISHUB, "{\"action\":\"resolve\",\"note\":\"Dipasang rambu\"}");
        reporter(followed, "confirm", "{\"secret\":\"" + SECRET + "\"}");
        String refused = seed(CaseStatus.NEEDS_REVIEW, "SAMPAH", "kominfo", Instant.now().plus(Duration.ofDays(3)));
        act(refused, ADMIN, "{\"action\":\"reject\",\"note\":\"Bukan wewenang Pemda\"}");
        String late = seed(CaseStatus.ROUTED, "SAMPAH", "dlh", Instant.now().minus(Duration.ofHours(1)));
        String unanswered = seed(CaseStatus.RESOLVED, "SAMPAH", "dlh", Instant.now().minus(Duration.ofMinutes(5)));
        escalate();
        assertEquals(CaseStatus.CLOSED, cases.findById(unanswered).orElseThrow().status());
        assertTrue(cases.findById(late).orElseThrow().overdue());

        // every change stored with its events; nothing published
        collectWritten();
        drainProbes(1);
        Set<String> published = new TreeSet<>(RECEIVED.keySet());
        published.removeAll(earlier);
        assertEquals(Set.of(), published, "published while SNS was down");
        assertTrue(sns.refused() > 0, "the relay tried SNS");
        assertEquals(CaseStatus.VERIFIED, cases.findById(verified).orElseThrow().status(), "routing waits for its event");
        Set<String> types = new TreeSet<>();
        WRITTEN.values().forEach(e -> types.add(e.eventType()));
        assertTrue(types.containsAll(Set.of("case.verified", "case.needs_review", "case.rejected", "case.rerouted",
                "case.step_entered", "case.resolved", "case.overdue", "case.closed", "citizen-notice",
                "supervisor-alert")), types.toString());

        // recovery: everything written, also what route-to-agency writes once its events arrive, is published
        sns.mode(FaultProxy.Mode.PASS);
        await("every outbox event published, the verified cases routed", () -> {
            collectWritten();
            drainProbes(0);
            return RECEIVED.keySet().containsAll(WRITTEN.keySet())
                    && cases.findById(verified).orElseThrow().status() == CaseStatus.ROUTED
                    && cases.findById(referred).orElseThrow().status() == CaseStatus.REFERRED_EXTERNAL
                    && delivered(forwarded) == 1;
        });
        drainProbes(2);
        collectWritten();
        types.clear();
        WRITTEN.values().forEach(e -> types.add(e.eventType()));
        assertTrue(types.containsAll(Set.of("case.routed", "agency-alert")), types.toString());
        assertExactlyOnce();

        // route-to-agency's effects happened once: one routing, one alert (or, for the referral, the reporter's notice
        // and the institution's e-mail) recorded per case
        for (String caseId : List.of(verified, referred)) {
            ReportCase c = cases.findById(caseId).orElseThrow();
            assertEquals(1, c.history().stream().filter(h -> "route".equals(h.action()) || "refer".equals(h.action()))
                    .count(), c.history().toString());
            assertEquals(caseId.equals(referred) ? 2 : 1, c.assignment().deliveries().size(), c.assignment().toString());
        }
        assertEquals(List.of("sns:citizen-notices", "email:institution"), cases.findById(referred).orElseThrow()
                .assignment().deliveries().stream().map(d -> d.target()).toList());

        // the routing consumer dies after its write, before its message is deleted: each event comes again
        int before = WRITTEN.size();
        String routingQueue = local.stack().queueUrl("RoutingQueue");
        List<String> again = List.copyOf(ROUTING_BODIES);
        assertTrue(again.size() >= 3, "case.verified x2 and case.rerouted were routed: " + again.size());
        again.forEach(body -> aws.sqs().sendMessage(r -> r.queueUrl(routingQueue).messageBody(body)));
        await("the redelivered routing events handled", () -> depth(routingQueue) == 0);
        Thread.sleep(1500);
        collectWritten();
        drainProbes(1);
        assertEquals(before, WRITTEN.size(), "a redelivered event writes nothing");
        assertExactlyOnce();
        assertEquals(1, delivered(verified));
        assertEquals(1, delivered(forwarded));
        System.out.println("outbox fault run: " + WRITTEN.size() + " events written during and after the outage, "
                + sns.refused() + " SNS connections refused, each published once; " + again.size()
                + " routing events redelivered without effect");
    }

    @Test
    void aCaseAnSnsOutageLeftInVerifiedIsRoutedByTheSweeperOnce() throws Exception {
        sns.mode(FaultProxy.Mode.RESET);
        String stuck = submitWithPhoto("SAMPAH", TaggedPhotos.nikonTakenAnHourAgo(SamplePoints.inside().get(1).latLon()));
        awaitStatus(stuck, CaseStatus.VERIFIED);
        // its case.verified waits in the outbox; the step's 15 minutes pass (the deadline is moved, not the clock)
        ReportCase c = cases.findById(stuck).orElseThrow();
        cases.update(c.amend(b -> b.deadlineAt(Instant.now().minus(Duration.ofMinutes(1))), Instant.now()));

        Object run = escalate();

        ReportCase routed = cases.findById(stuck).orElseThrow();
        assertEquals(CaseStatus.ROUTED, routed.status(), "routed by the sweeper: " + run);
        assertEquals("system", routed.history().get(routed.history().size() - 1).actorId());
        assertEquals(1, routed.assignment().deliveries().size());

        sns.mode(FaultProxy.Mode.PASS);
        await("the sweeper's alert and the late case.verified published", () -> {
            collectWritten();
            drainProbes(0);
            return RECEIVED.keySet().containsAll(WRITTEN.keySet());
        });
        Thread.sleep(2000); // route-to-agency gets the late case.verified: the case is routed, nothing to do
        collectWritten();
        drainProbes(1);
        assertExactlyOnce();
        ReportCase after = cases.findById(stuck).orElseThrow();
        assertEquals(routed.version(), after.version(), "the late event changed nothing");
        assertEquals(1, WRITTEN.values().stream().filter(e -> e.caseId().equals(stuck)
                && e.channel() == OutboxEvent.Channel.AGENCY_ALERTS).count());

        APIGatewayV2HTTPResponse stats = (APIGatewayV2HTTPResponse) local.runtime().invoke("AdminStatsFunction",
                HttpEvents.request("GET", "/v1/admin/stats").claims(ADMIN).build());
        JsonNode sweeper = JSON.readTree(stats.getBody()).get("sweeper");
        JsonNode verifiedRow = null;
        for (JsonNode row : sweeper) {
            if ("VERIFIED".equals(row.path("state").asText())) {
                verifiedRow = row;
            }
        }
        assertTrue(verifiedRow != null && verifiedRow.get("swept").asInt() >= 1, sweeper.toString());
    }

    // ------------------------------------------------------------------ counting

    static void collectWritten() {
        outbox.events().forEach(e -> WRITTEN.put(e.eventId(), e));
    }

    /** Drains the four probe queues into {@link #RECEIVED} (waiting {@code waitSeconds} on an empty receive). */
    static void drainProbes(int waitSeconds) {
        for (String queue : PROBES.values()) {
            while (true) {
                List<Message> got = aws.sqs().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)
                        .waitTimeSeconds(waitSeconds)).messages();
                if (got.isEmpty()) {
                    break;
                }
                for (Message m : got) {
                    JsonNode body;
                    try {
                        body = JSON.readTree(m.body());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    String id = body.path("eventId").asText("?" + m.body());
                    RECEIVED.merge(id, 1, Integer::sum);
                    String type = body.path("eventType").asText("");
                    if (queue.equals(PROBES.get(OutboxEvent.Channel.CASE_EVENTS))
                            && (type.equals("case.verified") || type.equals("case.rerouted"))) {
                        ROUTING_BODIES.add(m.body());
                    }
                    aws.sqs().deleteMessage(r -> r.queueUrl(queue).receiptHandle(m.receiptHandle()));
                }
            }
        }
    }

    /** Every event written was published once, on its channel's topic, and nothing else was published. */
    static void assertExactlyOnce() {
        List<String> wrong = new ArrayList<>();
        WRITTEN.keySet().forEach(id -> {
            if (RECEIVED.getOrDefault(id, 0) != 1) {
                wrong.add(id + " x" + RECEIVED.getOrDefault(id, 0));
            }
        });
        RECEIVED.keySet().stream().filter(id -> !WRITTEN.containsKey(id)).forEach(id -> wrong.add(id + " not written"));
        assertEquals(List.of(), wrong, "published other than once");
    }

    static long delivered(String caseId) {
        Assignment a = cases.findById(caseId).orElseThrow().assignment();
        return a == null ? 0 : a.deliveries().size();
    }

    static int depth(String queue) {
        Map<QueueAttributeName, String> a = aws.sqs().getQueueAttributes(r -> r.queueUrl(queue).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                Map<String, Integer> missing = new LinkedHashMap<>();
                WRITTEN.keySet().stream().filter(id -> !RECEIVED.containsKey(id)).forEach(id -> missing.put(id, 0));
                fail(what + ": not published " + missing.keySet());
            }
            Thread.sleep(500);
        }
    }

    static void awaitStatus(String caseId, CaseStatus status) throws InterruptedException {
        await(caseId + " " + status, () -> cases.findById(caseId).map(c -> c.status() == status).orElse(false));
    }

    // ------------------------------------------------------------------ the citizen, officials, seeded cases

    /** A complaint with one photo, submitted over HTTP and its photo PUT to the presigned URL; its case id. */
    static String submitWithPhoto(String category, byte[] photo) throws Exception {
        double[] at = SamplePoints.inside().get(1).latLon();
        String report = JSON.writeValueAsString(Map.of("kind", "COMPLAINT", "category", category,
                "description", "Laporan uji gangguan SNS untuk kotak keluar", "location", Map.of("lat", at[0], "lon", at[1]),
                "privacy", "PUBLIC", "reporter", Map.of("name", "Warga Uji", "phone", "081234567890"),
                "photos", List.of(Map.of("contentType", "image/jpeg", "sizeBytes", photo.length))));
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(local.baseUrl() + "/v1/reports"))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(report)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        JsonNode body = JSON.readTree(created.body());
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(body.at("/uploads/0/url").asText()))
                .header("Content-Type", "image/jpeg").PUT(HttpRequest.BodyPublishers.ofByteArray(photo)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
        return body.get("caseId").asText();
    }

    /**
     * A case waiting in {@code status}, stored as the services leave it: the reporter left a phone (in its own contact
     * item), and the case keeps the verifier of {@link #SECRET} under the stack's reporter-secret key.
     */
    static String seed(CaseStatus status, String category, String agencyId, Instant deadline) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = UUID.randomUUID().toString();
        String code = "KOT-" + id.replaceAll("[^2-9]", "").substring(0, 4) + "-FQTX";
        Reporter reporter = new Reporter("Warga Uji", "+6281234567890", null);
        String keyArn = local.stack().physicalId("ReporterSecretKey");
        ReporterSecrets secrets = new ReporterSecrets(() -> aws.secretsManager().getSecretValue(r -> r.secretId(keyArn))
                .secretString().getBytes(StandardCharsets.UTF_8));
        ReportCase c = ReportCase.builder().caseId(id).tenantId(TENANT).timeZone("Asia/Makassar").trackingCode(code)
                .kind(CaseKind.COMPLAINT).category(category).description("kasus uji kotak keluar")
                .location(new GeoPoint(0.7275, 124.3356)).area(AREA).privacy(Privacy.PUBLIC)
                .reporter(reporter.withoutContact()).status(status).submittedAt(now)
                .deadlineAt(deadline).assignment(new Assignment(agencyId, agencyId, false, now, deadline, List.of()))
                .citizenSecretHash(secrets.verifier(SECRET)).requestHash("fault-" + id).build();
        return cases.create(c, reporter, "fault-" + id).reportCase().caseId();
    }

    /** An official's action through ReviewStepFunction (with the JWT authorizer's claims), at the stored version. */
    static void act(String caseId, Map<String, String> claims, String action) throws Exception {
        long version = cases.findById(caseId).orElseThrow().version();
        String body = action.substring(0, action.length() - 1) + ",\"expectedVersion\":" + version + "}";
        APIGatewayV2HTTPEvent event = HttpEvents.request("POST", "/v1/cases/{caseId}/actions")
                .path("/v1/cases/" + caseId + "/actions").pathParameters(Map.of("caseId", caseId)).body(body)
                .claims(claims).build();
        APIGatewayV2HTTPResponse r = (APIGatewayV2HTTPResponse) local.runtime().invoke("ReviewStepFunction", event);
        assertEquals(200, r.getStatusCode(), action + ": " + r.getBody());
    }

    /** The reporter's confirm or reopen through ReporterActionsFunction (proved by the secret). */
    static void reporter(String caseId, String action, String body) {
        String code = cases.findById(caseId).orElseThrow().trackingCode();
        APIGatewayV2HTTPEvent event = HttpEvents.request("POST", "/v1/reports/{trackingCode}/" + action)
                .path("/v1/reports/" + code + "/" + action).pathParameters(Map.of("trackingCode", code)).body(body)
                .build();
        APIGatewayV2HTTPResponse r = (APIGatewayV2HTTPResponse) local.runtime().invoke("ReporterActionsFunction", event);
        assertEquals(200, r.getStatusCode(), action + ": " + r.getBody());
    }

    /** One escalation job of the tenant, as the escalation jobs queue hands it to EscalationFunction (synchronously). */
    private Object escalate() {
        Object response = local.functions().get("EscalationFunction")
                .invoke(id.laporwarga.testkit.QueueEvents.sqs("{\"tenant\":\"" + TENANT + "\"}"));
        assertEquals(List.of(), ((com.amazonaws.services.lambda.runtime.events.SQSBatchResponse) response)
                .getBatchItemFailures(), "the escalation job failed");
        return response;
    }
}
