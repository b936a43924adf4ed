package id.laporwarga.local.faults;

import id.laporwarga.testkit.SamplePoints;
import id.laporwarga.testkit.TaggedPhotos;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.laporwarga.domain.report.Assignment;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.emulators.LocalAws;
import id.laporwarga.local.DevStack;
import id.laporwarga.local.DevStackOptions;
import id.laporwarga.local.dlq.DlqReplay;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.store.DynamoCaseRepository;
import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Outages in the middle of a stream of submissions and photo uploads, on the whole local stack. The functions reach
 * DynamoDB Local and moto (S3, SNS, SQS) through {@link FaultProxy}s; the emulators keep running, so data survives
 * like it does in an AWS outage (restarting an in-memory emulator would wipe it). The local SQS event source (the
 * Lambda service's part) talks to moto directly, as Lambda's poller is not cut off when a function's dependency is.
 *
 * <p>Checks: a submit during a DynamoDB outage answers 503 {@code SERVICE_UNAVAILABLE} (also when DynamoDB black-holes
 * and only the SDK timeouts end the call), never 500; every accepted report (201) ends ROUTED exactly once after
 * recovery (one {@code verify-geotag} and one {@code route} history entry, one accepted alert delivery, one alert on
 * the agency topic); messages that ran out of receives sit in a DLQ with their failure logged under their message id
 * and come back with {@link DlqReplay}; a poison message stays in the DLQ with its reason.
 */
@Tag("emulator")
@Timeout(180)
class FaultInjectionIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    static final String POISON = "{\"this\":\"is not an S3 notification\"}";

    static LocalAws aws;
    static FaultProxy dynamoProxy;
    static FaultProxy motoProxy;
    static DevStack local;
    static ApplicationContext tools;
    static DynamoCaseRepository cases;
    static SqsClient sqs;
    static String alertsProbe;
    static final CapturedLog LOG = new CapturedLog();
    static PrintStream logOutput;

    @BeforeAll
    static void start() throws IOException {
        logOutput = new PrintStream(LOG, true, StandardCharsets.UTF_8);
        JsonLog.setOutput(logOutput);
        aws = LocalAws.start();
        dynamoProxy = new FaultProxy("dynamodb", aws.dynamoDbPort());
        motoProxy = new FaultProxy("moto", aws.motoPort());
        local = DevStack.start(DevStackOptions.forTests().aws(aws)
                .stackName("faults-" + UUID.randomUUID().toString().substring(0, 6))
                .functionEnvironment("AWS_ENDPOINT_URL_DYNAMODB", dynamoProxy.endpoint().toString())
                .functionEnvironment("AWS_ENDPOINT_URL_S3", motoProxy.endpoint().toString())
                .functionEnvironment("AWS_ENDPOINT_URL_SNS", motoProxy.endpoint().toString())
                .functionEnvironment("AWS_ENDPOINT_URL_SQS", motoProxy.endpoint().toString())
                .retryVisibilitySeconds(1));
        // the test's own view of the data goes straight to the emulators
        tools = ApplicationContext.builder()
                .singletons(new FunctionEnvironment(local.stack().functionEnvironment("RouteToAgencyFunction"))).start();
        cases = tools.getBean(DynamoCaseRepository.class);
        sqs = aws.sqs();
        alertsProbe = sqs.createQueue(r -> r.queueName("faults-agency-alerts-probe")).queueUrl();
        String probeArn = sqs.getQueueAttributes(r -> r.queueUrl(alertsProbe).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        aws.sns().subscribe(r -> r.topicArn(local.stack().topicArn("AgencyAlertsTopic")).protocol("sqs")
                .endpoint(probeArn).attributes(Map.of("RawMessageDelivery", "true")));
    }

    @AfterAll
    static void stop() {
        JsonLog.setOutput(System.out);
        for (AutoCloseable c : new AutoCloseable[] {tools, local, dynamoProxy, motoProxy, aws}) {
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
    void everyAcceptedReportIsRoutedExactlyOnceAfterOutagesOfDynamoDbAndMoto() throws Exception {
        double[] inside = SamplePoints.inside().get(1).latLon();
        byte[] photo = TaggedPhotos.nikon(inside, LocalDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(10), "+08:00");
        Map<String, String> accepted = new LinkedHashMap<>(); // caseId -> tracking code
        AtomicInteger unavailable = new AtomicInteger();
        List<String> unexpected = new ArrayList<>();

        // a poison message: can never be processed, must end in the DLQ with its reason logged
        String photoQueue = local.stack().queueUrl("PhotoUploadedQueue");
        String photoDlq = local.stack().queueUrl("PhotoUploadedDLQ");
        String routingDlq = local.stack().queueUrl("RoutingDLQ");
        sqs.sendMessage(r -> r.queueUrl(photoQueue).messageBody(POISON));

        // the stream: 20 reports with a photo each; DynamoDB is down for submits 4-7, moto for 10-13 (uploads,
        // photo reads, event publishing), each outage ~3 s while the SQS pollers keep redelivering
        int reports = 20;
        for (int i = 0; i < reports; i++) {
            if (i == 4) {
                dynamoProxy.mode(FaultProxy.Mode.RESET);
            } else if (i == 8) {
                dynamoProxy.mode(FaultProxy.Mode.PASS);
            } else if (i == 10) {
                motoProxy.mode(FaultProxy.Mode.RESET);
            } else if (i == 14) {
                motoProxy.mode(FaultProxy.Mode.PASS);
            }
            JsonNode created = submitWithRetries(i, photo.length, unavailable, unexpected);
            accepted.put(created.get("caseId").asText(), created.get("trackingCode").asText());
            uploadWithRetries(created.at("/uploads/0/url").asText(), photo, unexpected);
            Thread.sleep(150);
        }
        dynamoProxy.mode(FaultProxy.Mode.PASS);
        motoProxy.mode(FaultProxy.Mode.PASS);
        assertTrue(unexpected.isEmpty(), "answers other than 201/503 or failed uploads: " + unexpected);
        assertTrue(unavailable.get() > 0, "no submit met the DynamoDB outage");
        assertTrue(dynamoProxy.refused() > 0 && motoProxy.refused() > 0, "both outages cut connections");

        // recovery: wait for every case to be routed; replay what ran out of receives into a DLQ (after "the fix")
        Set<String> deadLetterIds = new LinkedHashSet<>();
        DlqReplay replay = new DlqReplay(sqs, System.out);
        long deadline = System.nanoTime() + Duration.ofSeconds(75).toNanos();
        int replayed = 0;
        Map<String, ReportCase> finalCases = new HashMap<>();
        while (true) {
            finalCases.clear();
            for (String caseId : accepted.keySet()) {
                cases.findById(caseId).ifPresent(c -> finalCases.put(caseId, c));
            }
            boolean allRouted = finalCases.size() == accepted.size()
                    && finalCases.values().stream().allMatch(c -> c.status() == CaseStatus.ROUTED);
            if (allRouted && depthOf(routingDlq) == 0 && poisonOnlyIn(photoDlq)) {
                break;
            }
            if (System.nanoTime() > deadline) {
                Map<String, String> states = new LinkedHashMap<>();
                finalCases.forEach((k, v) -> states.put(k, v.status().name()));
                fail("not all cases routed after recovery: " + states + "; photo DLQ " + depthOf(photoDlq)
                        + ", routing DLQ " + depthOf(routingDlq));
            }
            if (!allRouted) {
                for (String dlq : List.of(photoDlq, routingDlq)) {
                    List<DlqReplay.DeadLetter> letters = replay.peek(dlq, 50);
                    letters.forEach(d -> deadLetterIds.add(d.messageId()));
                    if (letters.stream().anyMatch(d -> !POISON.equals(d.body()))) {
                        replayed += replay.replay(dlq, null, 50, false).moved();
                    }
                }
            }
            Thread.sleep(1000);
        }

        // exactly once per accepted report
        for (ReportCase c : finalCases.values()) {
            assertEquals(1, c.history().stream().filter(h -> "verify-geotag".equals(h.action())).count(),
                    c.caseId() + " verified once: " + c.history());
            assertEquals(1, c.history().stream().filter(h -> "route".equals(h.action())).count(),
                    c.caseId() + " routed once: " + c.history());
            Assignment a = c.assignment();
            assertNotNull(a, c.caseId());
            assertEquals("dlh", a.agencyId());
            assertEquals(1, a.deliveries().stream().filter(Assignment.Delivery::accepted).count(),
                    c.caseId() + " one accepted alert delivery: " + a.deliveries());
        }
        // one alert per case: one event id on the agency topic. The relay publishes at least once: a connection
        // cut after moto accepted a Publish and before its answer arrived makes the relay publish the same event
        // again (SNS standard topics take no deduplication id), and subscribers drop it by its eventId
        Map<String, Set<String>> alerts = alertsPerCase();
        for (String caseId : accepted.keySet()) {
            Set<String> ids = alerts.getOrDefault(caseId, Set.of());
            assertEquals(1, ids.size(), "one alert (event id) on the agency topic for " + caseId + ": " + ids);
            assertEquals(finalCases.get(caseId).assignment().deliveries().get(0).messageId(), ids.iterator().next(),
                    "the alert the case records as delivered (its event id)");
        }
        assertEquals(accepted.keySet(), alerts.keySet(), "no other alerts");

        // the poison sits in the DLQ; every message that was in a DLQ has its failure logged under its message id
        List<DlqReplay.DeadLetter> poison = replay.peek(photoDlq, 10);
        assertEquals(1, poison.size());
        assertEquals(POISON, poison.get(0).body());
        assertTrue(poison.get(0).receiveCount() >= 3, "redriven after maxReceiveCount: " + poison.get(0));
        deadLetterIds.add(poison.get(0).messageId());
        String log = LOG.text();
        for (String id : deadLetterIds) {
            boolean explained = log.lines().anyMatch(l -> l.contains("\"messageId\":\"" + id + "\"")
                    && l.contains("\"errorType\"") && (l.contains("_failed")));
            assertTrue(explained, "no failure log line for DLQ message " + id);
        }
        System.out.println("fault run: " + accepted.size() + " accepted, " + unavailable.get() + " answers 503, "
                + dynamoProxy.refused() + " DynamoDB and " + motoProxy.refused() + " moto connections cut, "
                + deadLetterIds.size() + " message(s) seen in DLQs, " + replayed + " replayed, " + ALERT_MESSAGES.get()
                + " alert messages for " + accepted.size() + " alerts");
    }

    @Test
    void aSubmitWhileDynamoDbBlackholesAnswers503WithinTheLambdaTimeout() throws Exception {
        dynamoProxy.mode(FaultProxy.Mode.BLACKHOLE);
        try {
            long start = System.nanoTime();
            HttpResponse<String> r = submit("blackhole-" + UUID.randomUUID(), 1000);
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            assertEquals(503, r.statusCode(), r.body());
            assertEquals("SERVICE_UNAVAILABLE", JSON.readTree(r.body()).at("/error/code").asText());
            assertEquals("1", r.headers().firstValue("Retry-After").orElse(null));
            assertTrue(seconds < 20, "answered after " + seconds + " s; the SDK timeouts must end it well within 30 s");
        } finally {
            dynamoProxy.mode(FaultProxy.Mode.PASS);
        }
    }

    // ------------------------------------------------------------------ a client that retries like the app

    static JsonNode submitWithRetries(int i, int photoBytes, AtomicInteger unavailable, List<String> unexpected)
            throws Exception {
        String key = "fault-" + i + "-" + UUID.randomUUID();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long outageStarted = System.nanoTime();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r;
            try {
                r = submit(key, photoBytes);
            } catch (IOException e) {
                unexpected.add("submit " + i + ": " + e);
                Thread.sleep(200);
                continue;
            }
            if (r.statusCode() == 201) {
                return JSON.readTree(r.body());
            }
            if (r.statusCode() == 503 && "SERVICE_UNAVAILABLE".equals(JSON.readTree(r.body()).at("/error/code").asText())) {
                unavailable.incrementAndGet();
                // the outage lasts ~3 s from its first 503, then "AWS" recovers
                if (System.nanoTime() - outageStarted > Duration.ofSeconds(3).toNanos()) {
                    dynamoProxy.mode(FaultProxy.Mode.PASS);
                }
                Thread.sleep(250);
                continue;
            }
            unexpected.add("submit " + i + ": " + r.statusCode() + " " + r.body());
            Thread.sleep(200);
        }
        throw new AssertionError("submit " + i + " never accepted");
    }

    static HttpResponse<String> submit(String idempotencyKey, int photoBytes) throws Exception {
        Map<String, Object> body = Map.of("kind", "COMPLAINT", "category", "SAMPAH",
                "description", "Sampah menumpuk di pinggir jalan dan belum diangkut selama seminggu",
                "location", Map.of("lat", SamplePoints.inside().get(1).latLon()[0], "lon", SamplePoints.inside().get(1).latLon()[1]),
                "privacy", "PUBLIC", "reporter", Map.of("name", "Warga Uji"),
                "photos", List.of(Map.of("contentType", "image/jpeg", "sizeBytes", photoBytes)));
        return HTTP.send(HttpRequest.newBuilder(URI.create(local.baseUrl() + "/v1/reports"))
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .timeout(Duration.ofSeconds(40))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void uploadWithRetries(String url, byte[] photo, List<String> unexpected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long firstFailure = 0;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "image/jpeg").timeout(Duration.ofSeconds(10))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(photo)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                unexpected.add("upload: " + r.statusCode() + " " + r.body());
            } catch (IOException e) {
                // moto is unreachable: the app retries; the outage ends ~3 s after the first failed upload
                firstFailure = firstFailure == 0 ? System.nanoTime() : firstFailure;
                if (System.nanoTime() - firstFailure > Duration.ofSeconds(3).toNanos()) {
                    motoProxy.mode(FaultProxy.Mode.PASS);
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("upload never succeeded: " + url);
    }

    // ------------------------------------------------------------------ helpers

    static int depthOf(String queueUrl) {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    static boolean poisonOnlyIn(String dlq) {
        if (depthOf(dlq) != 1) {
            return false;
        }
        List<DlqReplay.DeadLetter> letters = new DlqReplay(sqs, new PrintStream(OutputStream.nullOutputStream()))
                .peek(dlq, 10);
        return letters.size() == 1 && POISON.equals(letters.get(0).body());
    }

    static final Map<String, Set<String>> ALERTS = new ConcurrentHashMap<>();
    static final AtomicInteger ALERT_MESSAGES = new AtomicInteger();

    /**
     * Drains the probe queue subscribed to the agency-alerts topic (raw delivery): the alerts' event ids per case
     * (a redelivered event counts once, as its subscribers de-duplicate on it).
     */
    static Map<String, Set<String>> alertsPerCase() throws Exception {
        for (int empty = 0; empty < 2; ) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(alertsProbe).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            if (messages.isEmpty()) {
                empty++;
                continue;
            }
            for (Message m : messages) {
                JsonNode body = JSON.readTree(m.body());
                String caseId = body.path("caseId").asText(null);
                ALERTS.computeIfAbsent(caseId == null ? "?" + m.body() : caseId, k -> ConcurrentHashMap.newKeySet())
                        .add(body.path("eventId").asText("?" + m.messageId()));
                ALERT_MESSAGES.incrementAndGet();
                sqs.deleteMessage(r -> r.queueUrl(alertsProbe).receiptHandle(m.receiptHandle()));
            }
        }
        return ALERTS;
    }

    /** Keeps what the functions log (JsonLog) and passes it on to stdout. */
    static final class CapturedLog extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            System.out.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            System.out.write(b, off, len);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
