package id.laporwarga.function.routetoagency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.report.CaseEvent;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Reporter;
import id.laporwarga.domain.workflow.TransitionEvent;
import id.laporwarga.emulators.LocalAws;
import id.laporwarga.emulators.ProvisionedStack;
import id.laporwarga.emulators.SamTemplate;
import id.laporwarga.emulators.SampleTenants;
import id.laporwarga.emulators.StackProvisioner;
import id.laporwarga.function.tenantadmin.TenantAdminHandler;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.outbox.OutboxItems;
import id.laporwarga.platform.store.DynamoCaseRepository;
import id.laporwarga.platform.testing.StoredOutbox;
import id.laporwarga.testkit.HttpEvents;
import id.laporwarga.testkit.QueueEvents;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.tree.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * End to end on the local stack (DynamoDB Local + moto_server, resources from template.yaml): the Kotamobagu sample
 * tenant onboarded through {@code PUT /v1/admin/tenants/{id}} with DLH and Dishub on their own SQS queues; case
 * events published on the case-events topic reach the routing queue through the template's filter policy and are
 * handed to the handler as Lambda's SQS event source would; what the routing writes to the outbox is read from the
 * table's stream and handed to the outbox relay, which publishes the alerts the agencies' queues receive.
 */
@Tag("emulator")
@Timeout(180)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RouteToAgencyIT {
    private static final String TENANT = SampleTenants.KOTAMOBAGU;
    private static final Reporter REPORTER = new Reporter("Rahmat Mokoginta", "+6285298765432", null);
    private static final AreaRef KOTAMOBAGU_TIMUR = new AreaRef("71.74.02", "Kotamobagu Timur", "71.74.02.1007",
            "Motoboi Besar", AreaRef.KelurahanMatch.INSIDE);

    private static LocalAws aws;
    private static ProvisionedStack stack;
    private static String dlhQueue;
    private static String dishubQueue;
    private static String tenantDocument;
    private static TenantAdminHandler tenantAdmin;
    private static RouteToAgencyHandler router;
    private static AdminStatsHandler stats;
    private static OutboxRelayHandler relay;
    private static StoredOutbox outbox;
    private static ApplicationContext tools;
    private static final java.io.ByteArrayOutputStream LOGS = new java.io.ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        aws = LocalAws.shared();
        java.io.PrintStream console = System.out;
        JsonLog.setOutput(new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public synchronized void write(int b) {
                LOGS.write(b);
                console.write(b);
            }
        }, true, java.nio.charset.StandardCharsets.UTF_8));
        String stackName = "route-" + UUID.randomUUID().toString().substring(0, 8);
        stack = StackProvisioner.provision(SamTemplate.load(SamTemplate.findRepositoryTemplate()), stackName, aws);
        dlhQueue = aws.sqs().createQueue(r -> r.queueName(stackName + "-dlh-inbox")).queueUrl();
        dishubQueue = aws.sqs().createQueue(r -> r.queueName(stackName + "-dishub-inbox")).queueUrl();
        tenantAdmin = new TenantAdminHandler(ApplicationContext.builder()
                .singletons(new FunctionEnvironment(stack.functionEnvironment("TenantAdminFunction"))));
        router = new RouteToAgencyHandler(ApplicationContext.builder()
                .singletons(new FunctionEnvironment(stack.functionEnvironment("RouteToAgencyFunction"))));
        stats = new AdminStatsHandler(ApplicationContext.builder()
                .singletons(new FunctionEnvironment(stack.functionEnvironment("AdminStatsFunction"))));
        relay = new OutboxRelayHandler(ApplicationContext.builder()
                .singletons(new FunctionEnvironment(stack.functionEnvironment("OutboxRelayFunction"))));
        tools = router.getApplicationContext();
        outbox = new StoredOutbox(stack, relay.getApplicationContext().getBean(OutboxItems.class));

        // the sample tenant, with DLH's and Dishub's own systems (SQS) as their only channels
        Json json = tools.getBean(Json.class);
        String sample = SampleTenants.document(TENANT);
        String withQueues = sample
                .replace("{\"type\":\"EMAIL\",\"endpoint\":\"dlh@kotamobagu.go.id\"}",
                        "{\"type\":\"SQS\",\"endpoint\":\"" + arn(dlhQueue) + "\"}")
                .replace("{\"type\":\"EMAIL\",\"endpoint\":\"dishub@kotamobagu.go.id\"}",
                        "{\"type\":\"SQS\",\"endpoint\":\"" + arn(dishubQueue) + "\"}");
        assertTrue(withQueues.contains(arn(dlhQueue)) && withQueues.contains(arn(dishubQueue)),
                "sample tenant document changed: DLH/Dishub e-mail channels not found");
        json.tree(withQueues); // still valid JSON
        tenantDocument = withQueues;
    }

    @Test
    @Order(8)
    void logsNeverNameTheReporter() {
        String logs = LOGS.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(logs.contains("\"event\":\"case_routing\""), "routing was logged");
        assertFalse(logs.contains("Rahmat"));
        assertFalse(logs.contains("Mokoginta"));
        assertFalse(logs.contains("85298765432"));
    }

    @AfterAll
    static void stop() {
        JsonLog.setOutput(System.out);
        for (var h : List.of(tenantAdmin, router, stats, relay)) {
            if (h != null) {
                h.close();
            }
        }
    }

    private static String arn(String queueUrl) {
        return aws.sqs().getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    @Test
    @Order(1)
    void putTenantCreatesTheAgencySubscriptionsWithTheirFilterPolicies() {
        APIGatewayV2HTTPResponse response = tenantAdmin.execute(http("PUT", "/v1/admin/tenants/" + TENANT,
                "PUT /v1/admin/tenants/{tenantId}", Map.of("tenantId", TENANT), Map.of(), tenantDocument));
        assertTrue(response.getStatusCode() == 201 || response.getStatusCode() == 200, response.getBody());
        assertTrue(response.getBody().contains("\"subscriptions\""), response.getBody());

        Map<String, String> policies = subscriptionPolicies();
        assertEquals("{\"tenant\":[\"kotamobagu\"],\"agencyId\":[\"dlh\"]}", policies.get("sqs:" + arn(dlhQueue)));
        assertEquals("{\"tenant\":[\"kotamobagu\"],\"agencyId\":[\"dishub\"]}", policies.get("sqs:" + arn(dishubQueue)));
        assertEquals("{\"tenant\":[\"kotamobagu\"],\"agencyId\":[\"kominfo\"]}", policies.get("email:kominfo@kotamobagu.go.id"));

        // the same PUT again changes nothing
        int before = policies.size();
        APIGatewayV2HTTPResponse again = tenantAdmin.execute(http("PUT", "/v1/admin/tenants/" + TENANT,
                "PUT /v1/admin/tenants/{tenantId}", Map.of("tenantId", TENANT), Map.of(), tenantDocument));
        assertEquals(200, again.getStatusCode(), again.getBody());
        assertTrue(again.getBody().contains("\"created\":0"), again.getBody());
        assertEquals(before, subscriptionPolicies().size());
    }

    @Test
    @Order(2)
    void addingAndRemovingAnAgencyAddsAndRemovesItsSubscription() {
        String added = tenantDocument.replace("\"agencies\":[",
                "\"agencies\":[{\"id\":\"bpbd\",\"name\":\"Badan Penanggulangan Bencana Daerah\",\"channels\":"
                        + "[{\"type\":\"HTTPS\",\"endpoint\":\"https://bpbd.kotamobagu.go.id/lapor\"}]},");
        assertTrue(added.contains("bpbd"));
        APIGatewayV2HTTPResponse response = tenantAdmin.execute(http("PUT", "/v1/admin/tenants/" + TENANT,
                "PUT /v1/admin/tenants/{tenantId}", Map.of("tenantId", TENANT), Map.of(), added));
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("{\"tenant\":[\"kotamobagu\"],\"agencyId\":[\"bpbd\"]}",
                subscriptionPolicies().get("https:https://bpbd.kotamobagu.go.id/lapor"));

        tenantAdmin.execute(http("PUT", "/v1/admin/tenants/" + TENANT, "PUT /v1/admin/tenants/{tenantId}",
                Map.of("tenantId", TENANT), Map.of(), tenantDocument));
        assertFalse(subscriptionPolicies().containsKey("https:https://bpbd.kotamobagu.go.id/lapor"));
    }

    @Test
    @Order(3)
    void verifiedGarbageComplaintReachesDlhExactlyOnceAndDishubNever() {
        ReportCase c = storeVerified("SAMPAH", Privacy.ANONYMOUS);
        for (int i = 0; i < 3; i++) {
            publishCaseEvent(CaseEvent.VERIFIED, c); // the same event, delivered three times
        }
        deliverRoutingQueue(3);

        List<Message> dlh = drain(dlhQueue);
        assertEquals(1, dlh.size(), "exactly one alert");
        assertTrue(drain(dishubQueue).isEmpty(), "Dishub never hears of DLH's case");

        Message alert = dlh.get(0);
        JsonNode payload = tools.getBean(Json.class).tree(alert.body());
        assertEquals(c.caseId(), payload.get("caseId").getStringValue());
        assertEquals("dlh", payload.get("agencyId").getStringValue());
        assertTrue(payload.get("mapUrl").getStringValue().startsWith("https://www.openstreetmap.org/?mlat="));
        assertEquals("dlh", alert.messageAttributes().get("agencyId").stringValue());
        assertEquals(TENANT, alert.messageAttributes().get("tenant").stringValue());
        assertEquals("71.74.02", alert.messageAttributes().get("kecamatan").stringValue());

        // ANONYMOUS: nothing in the received message names the reporter
        String everything = alert.body() + alert.messageAttributes();
        assertFalse(everything.contains("Rahmat"), everything);
        assertFalse(everything.contains("Mokoginta"));
        assertFalse(everything.contains("85298765432"));

        ReportCase stored = cases().findById(c.caseId()).orElseThrow();
        assertEquals(CaseStatus.ROUTED, stored.status());
        assertEquals("dlh", stored.assignment().agencyId());
        assertEquals(1, stored.history().stream().filter(h -> "route".equals(h.action())).count(), "one assignment");
        assertEquals(1, stored.assignment().deliveries().size());
        assertEquals(c.caseId() + "#agency-alert#" + stored.version(), stored.assignment().deliveries().get(0).messageId());
        assertEquals(stored.assignment().deliveries().get(0).messageId(),
                alert.messageAttributes().get("eventId").stringValue(), "the alert carries its outbox id");
        assertEquals(stored.assignment().dueAt(), stored.deadlineAt());
    }

    @Test
    @Order(4)
    void plnComplaintIsReferredExternalAndReachesNoAgencyQueue() {
        ReportCase c = storeVerified("LISTRIK_PLN", Privacy.PUBLIC);
        publishCaseEvent(CaseEvent.VERIFIED, c);
        deliverRoutingQueue(1);

        assertTrue(drain(dlhQueue).isEmpty());
        assertTrue(drain(dishubQueue).isEmpty());
        ReportCase stored = cases().findById(c.caseId()).orElseThrow();
        assertEquals(CaseStatus.REFERRED_EXTERNAL, stored.status());
        assertEquals("pln", stored.assignment().agencyId());
        assertTrue(stored.assignment().external());
        assertTrue(stored.history().get(stored.history().size() - 1).note().contains("PLN"));
        // the reporter left a phone: one citizen notice; PLN gets one e-mail from the tenant document; both recorded,
        // no agency queue
        assertEquals(List.of("sns:citizen-notices", "email:institution"),
                stored.assignment().deliveries().stream().map(d -> d.target()).toList());
    }

    @Test
    @Order(5)
    void unknownCategoryGoesToTriage() {
        ReportCase c = storeVerified("BANJIR_ROB", Privacy.PUBLIC);
        publishCaseEvent(CaseEvent.VERIFIED, c);
        deliverRoutingQueue(1);

        ReportCase stored = cases().findById(c.caseId()).orElseThrow();
        assertEquals(CaseStatus.TRIAGE, stored.status());
        assertEquals("kominfo", stored.assignment().agencyId());
        assertEquals(1, stored.assignment().deliveries().size());
        assertTrue(drain(dlhQueue).isEmpty());
        assertTrue(drain(dishubQueue).isEmpty());
    }

    @Test
    @Order(6)
    void otherCaseEventsNeverReachTheRoutingQueue() {
        ReportCase c = storeVerified("PARKIR_LIAR", Privacy.PUBLIC);
        publishCaseEvent(CaseEvent.NEEDS_REVIEW, c);
        publishCaseEvent(TransitionEvent.STEP_ENTERED, c);
        assertTrue(receive(stack.queueUrl("RoutingQueue"), 2).isEmpty());
    }

    @Test
    @Order(7)
    void statsCountPerAgency() {
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Makassar")).toString();
        APIGatewayV2HTTPResponse response = stats.execute(http("GET", "/v1/admin/stats", "GET /v1/admin/stats",
                Map.of(), Map.of("tenant", TENANT, "from", today, "to", today), null));
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode body = tools.getBean(Json.class).tree(response.getBody());
        Map<String, JsonNode> byAgency = new HashMap<>();
        JsonNode rows = body.get("agencies");
        for (int i = 0; i < rows.size(); i++) {
            byAgency.put(rows.get(i).get("agencyId").getStringValue(), rows.get(i));
        }
        assertEquals(1, byAgency.get("dlh").get("received").getIntValue());
        assertEquals(1, byAgency.get("dlh").get("open").getIntValue());
        assertEquals(1, byAgency.get("pln").get("referredExternal").getIntValue());
        assertEquals(0, byAgency.get("pln").get("open").getIntValue());
        assertEquals(1, byAgency.get("kominfo").get("received").getIntValue());
        assertEquals(0, byAgency.get("dishub").get("received").getIntValue());
        assertEquals(3, body.get("totals").get("received").getIntValue());

        // a city admin gets its own tenant without naming it, never another tenant's
        Map<String, String> cityAdmin = Map.of("sub", "admin-2", "custom:role", "CITY_ADMIN", "custom:tenant", TENANT);
        APIGatewayV2HTTPResponse own = stats.execute(http("GET", "/v1/admin/stats", "GET /v1/admin/stats",
                Map.of(), Map.of("from", today, "to", today), null, cityAdmin));
        assertEquals(200, own.getStatusCode(), own.getBody());
        APIGatewayV2HTTPResponse other = stats.execute(http("GET", "/v1/admin/stats", "GET /v1/admin/stats",
                Map.of(), Map.of("tenant", "bolaang-mongondow"), null, cityAdmin));
        assertEquals(403, other.getStatusCode(), other.getBody());
        APIGatewayV2HTTPResponse anonymous = stats.execute(http("GET", "/v1/admin/stats", "GET /v1/admin/stats",
                Map.of(), Map.of("tenant", TENANT), null, null));
        assertEquals(401, anonymous.getStatusCode(), anonymous.getBody());
    }

    // ---------------------------------------------------------------- helpers

    private static DynamoCaseRepository cases() {
        return tools.getBean(DynamoCaseRepository.class);
    }

    private static ReportCase storeVerified(String category, Privacy privacy) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        Photo photo = new Photo("p1", "image/jpeg", 200_000, "photos/" + TENANT + "/" + id + "/p1.jpg", null);
        ReportCase c = ReportCase.builder().caseId(id).tenantId(TENANT).timeZone("Asia/Makassar")
                .trackingCode("KTG-" + id.substring(0, 4).toUpperCase() + "-TEST").kind(CaseKind.COMPLAINT)
                .category(category).description("Laporan uji " + category).location(new GeoPoint(0.7117, 124.3419))
                .area(KOTAMOBAGU_TIMUR).privacy(privacy).reporter(REPORTER).photos(List.of(photo))
                .status(CaseStatus.VERIFIED).version(3).createdAt(now).updatedAt(now).citizenSecretHash("secret-hash")
                .requestHash("request-" + id).build();
        cases().create(c, null, "idem-" + id);
        return c;
    }

    private static void publishCaseEvent(String type, ReportCase c) {
        CaseEvent e = CaseEvent.of(type, c, Instant.now());
        String body = "{\"eventType\":\"" + e.eventType() + "\",\"caseId\":\"" + e.caseId() + "\",\"tenantId\":\""
                + e.tenantId() + "\",\"kind\":\"" + e.kind() + "\",\"category\":\"" + e.category() + "\",\"status\":\""
                + e.status() + "\",\"version\":" + e.version() + ",\"occurredAt\":\"" + e.occurredAt() + "\"}";
        aws.sns().publish(r -> r.topicArn(stack.topicArn("CaseEventsTopic")).message(body).messageAttributes(Map.of(
                "eventType", attr(e.eventType()), "tenant", attr(e.tenantId()), "kind", attr(e.kind().name()),
                "category", attr(e.category()))));
    }

    private static MessageAttributeValue attr(String v) {
        return MessageAttributeValue.builder().dataType("String").stringValue(v).build();
    }

    /** What Lambda's SQS event source mapping does: receive, invoke, delete what did not fail. */
    private static void deliverRoutingQueue(int expected) {
        String queue = stack.queueUrl("RoutingQueue");
        List<Message> messages = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 10_000;
        while (messages.size() < expected && System.currentTimeMillis() < deadline) {
            messages.addAll(receive(queue, 1));
        }
        assertEquals(expected, messages.size(), "messages on the routing queue");
        for (Message m : messages) { // one invocation per message, like three separate redeliveries
            SQSBatchResponse response = router.execute(QueueEvents.sqs(List.of(QueueEvents.message(m.messageId(), m.body(),
                    Integer.parseInt(m.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"))))));
            assertTrue(response.getBatchItemFailures().isEmpty(), "no failures");
            aws.sqs().deleteMessage(r -> r.queueUrl(queue).receiptHandle(m.receiptHandle()));
        }
        relayOutbox();
    }

    /** What Lambda's stream event source mapping does for the outbox relay: the new outbox inserts, in order. */
    private static void relayOutbox() {
        StreamsEventResponse response = relay.execute(outbox.next());
        assertTrue(response.getBatchItemFailures().isEmpty(), "every outbox event published");
    }

    private static List<Message> receive(String queue, int waitSeconds) {
        return aws.sqs().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(waitSeconds)
                .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }

    private static List<Message> drain(String queue) {
        List<Message> all = new ArrayList<>(receive(queue, 1));
        all.forEach(m -> aws.sqs().deleteMessage(r -> r.queueUrl(queue).receiptHandle(m.receiptHandle())));
        return all;
    }

    /** protocol:endpoint -> filter policy of the agency-alerts topic's subscriptions. */
    private static Map<String, String> subscriptionPolicies() {
        Map<String, String> out = new HashMap<>();
        for (Subscription s : aws.sns().listSubscriptionsByTopicPaginator(
                r -> r.topicArn(stack.topicArn("AgencyAlertsTopic"))).subscriptions()) {
            String policy = aws.sns().getSubscriptionAttributes(r -> r.subscriptionArn(s.subscriptionArn()))
                    .attributes().get("FilterPolicy");
            out.put(s.protocol() + ":" + s.endpoint(), policy == null ? null : policy.replace(" ", ""));
        }
        return out;
    }

    private static final Map<String, String> PLATFORM_ADMIN = Map.of("sub", "admin-1", "custom:role", "PLATFORM_ADMIN");

    private static APIGatewayV2HTTPEvent http(String method, String path, String routeKey, Map<String, String> params,
                                              Map<String, String> query, String body) {
        return http(method, path, routeKey, params, query, body, PLATFORM_ADMIN);
    }

    /** An HTTP API event as API Gateway sends it after the JWT authorizer verified the token ({@code claims}). */
    private static APIGatewayV2HTTPEvent http(String method, String path, String routeKey, Map<String, String> params,
                                              Map<String, String> query, String body, Map<String, String> claims) {
        return HttpEvents.request(method, routeKey.substring(routeKey.indexOf(' ') + 1)).path(path).pathParameters(params)
                .query(query).body(body).claims(claims).build();
    }
}
