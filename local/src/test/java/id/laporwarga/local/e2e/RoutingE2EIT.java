package id.laporwarga.local.e2e;

import id.laporwarga.testkit.RepositoryFiles;
import id.laporwarga.testkit.SamplePoints;
import id.laporwarga.testkit.TaggedPhotos;
import static id.laporwarga.local.e2e.SharedDevStack.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.laporwarga.emulators.SampleTenants;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Issue 5 on the whole local stack: the city's admin gives DLH and Dishub their own SQS queues (their systems) through
 * {@code PUT /v1/admin/tenants/kotamobagu}; verified complaints are routed by route-to-agency and reach exactly the
 * responsible agency's queue through the agency-alerts topic's filter policies.
 */
@Tag("emulator")
@Timeout(120)
@ExtendWith(SharedDevStack.class)
class RoutingE2EIT {

    /** The agencies' own systems: plain SQS queues in the emulator, read with the SDK as DLH's or Dishub's IT would. */
    static String createAgencyQueue(String name) {
        SqsClient sqs = local().aws().sqs();
        String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();
        return sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    /** Everything that arrives on the queue during {@code window} (received and deleted). */
    static List<String> drain(String queueArn, Duration window) {
        SqsClient sqs = local().aws().sqs();
        String url = local().aws().sqs().getQueueUrl(r -> r.queueName(queueArn.substring(queueArn.lastIndexOf(':') + 1)))
                .queueUrl();
        List<String> bodies = new ArrayList<>();
        long end = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < end) {
            List<Message> got = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            for (Message m : got) {
                bodies.add(m.body());
                sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
        return bodies;
    }

    static long mentioning(List<String> bodies, String caseId) {
        return bodies.stream().filter(b -> b.contains(caseId)).count();
    }

    @Test
    void complaintsReachOnlyTheResponsibleAgencyExactlyOnce() {
        assumeTrue(Commands.onPath("curl"), "curl is not installed");
        LaporApi api = new LaporApi(local());
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String dlhQueue = createAgencyQueue("e2e-dlh-inbox-" + suffix);
        String dishubQueue = createAgencyQueue("e2e-dishub-inbox-" + suffix);

        String document = SampleTenants.document(LaporApi.TENANT)
                .replace("{\"type\":\"EMAIL\",\"endpoint\":\"dlh@kotamobagu.go.id\"}",
                        "{\"type\":\"SQS\",\"endpoint\":\"" + dlhQueue + "\"}")
                .replace("{\"type\":\"EMAIL\",\"endpoint\":\"dishub@kotamobagu.go.id\"}",
                        "{\"type\":\"SQS\",\"endpoint\":\"" + dishubQueue + "\"}");
        assertTrue(document.contains(dlhQueue) && document.contains(dishubQueue),
                "sample tenant changed: DLH/Dishub e-mail channels not found");
        String platformAdmin = api.token("PLATFORM_ADMIN", null, null);
        assertEquals(401, api.call("PUT", "/v1/admin/tenants/" + LaporApi.TENANT, null, document).statusCode());
        HttpResponse<String> put = api.call("PUT", "/v1/admin/tenants/" + LaporApi.TENANT, platformAdmin, document);
        assertEquals(200, put.statusCode(), put.body());
        assertTrue(LaporApi.json(put).at("/subscriptions/created").asInt() >= 2, put.body());

        double[] pasar = SamplePoints.named("Biga").latLon();
        Path photo = TaggedPhotos.temporaryFile(TaggedPhotos.nikonTakenAnHourAgo(pasar), ".jpg");
        Map<String, JsonNode> cases = new LinkedHashMap<>();
        for (String category : List.of("SAMPAH", "LISTRIK_PLN", "LAINNYA")) {
            JsonNode s = api.submit(LaporApi.report("COMPLAINT", category, pasar, "ANONYMOUS", null, photo));
            LaporApi.uploadWithCurl(s, photo);
            cases.put(category, s);
        }
        String garbage = cases.get("SAMPAH").get("caseId").asText();
        String power = cases.get("LISTRIK_PLN").get("caseId").asText();
        String other = cases.get("LAINNYA").get("caseId").asText();

        JsonNode routed = api.awaitStatus(cases.get("SAMPAH").get("trackingCode").asText(), "ROUTED",
                Duration.ofSeconds(10));
        assertEquals("Dinas Lingkungan Hidup", routed.get("handledBy").asText());
        JsonNode referred = api.awaitStatus(cases.get("LISTRIK_PLN").get("trackingCode").asText(), "REFERRED_EXTERNAL",
                Duration.ofSeconds(10));
        assertTrue(referred.get("handledBy").asText().contains("PLN"), referred.toString());
        JsonNode triage = api.awaitStatus(cases.get("LAINNYA").get("trackingCode").asText(), "TRIAGE",
                Duration.ofSeconds(10));
        assertNotNull(triage.get("handledBy"), triage.toString());

        // the alert is published right after the assignment: collect for a while to see duplicates too
        List<String> dlh = drain(dlhQueue, Duration.ofSeconds(3));
        List<String> dishub = drain(dishubQueue, Duration.ofSeconds(1));
        assertEquals(1, mentioning(dlh, garbage), "the garbage complaint reaches DLH exactly once: " + dlh);
        assertEquals(0, mentioning(dlh, power) + mentioning(dlh, other), "no referral or triage case at DLH: " + dlh);
        assertEquals(0, mentioning(dishub, garbage) + mentioning(dishub, power) + mentioning(dishub, other),
                "Dishub gets none of them: " + dishub);
        String alert = dlh.stream().filter(b -> b.contains(garbage)).findFirst().orElseThrow();
        assertTrue(alert.contains(cases.get("SAMPAH").get("trackingCode").asText()), alert);

        assumeTrue(Commands.onPath("aws"), "the AWS CLI is not installed");
        Commands.Result subscriptions = Commands.aws(local(), "sns", "list-subscriptions-by-topic", "--topic-arn",
                local().stack().topicArn("AgencyAlertsTopic"));
        assertEquals(0, subscriptions.exitCode(), subscriptions.toString());
        JsonNode dlhSubscription = null;
        for (JsonNode s : parse(subscriptions.stdout()).path("Subscriptions")) {
            if (dlhQueue.equals(s.get("Endpoint").asText())) {
                dlhSubscription = s;
            }
        }
        assertNotNull(dlhSubscription, "aws sns list-subscriptions-by-topic shows DLH's queue: " + subscriptions.stdout());
        assertEquals("sqs", dlhSubscription.get("Protocol").asText());
        Commands.Result attributes = Commands.aws(local(), "sns", "get-subscription-attributes", "--subscription-arn",
                dlhSubscription.get("SubscriptionArn").asText());
        assertEquals(0, attributes.exitCode(), attributes.toString());
        JsonNode filterPolicy = parse(parse(attributes.stdout()).at("/Attributes/FilterPolicy").asText());
        assertEquals("[\"kotamobagu\"]", filterPolicy.get("tenant").toString(), filterPolicy.toString());
        assertEquals("[\"dlh\"]", filterPolicy.get("agencyId").toString(), filterPolicy.toString());
    }

    static JsonNode parse(String json) {
        try {
            return LaporApi.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(json, e);
        }
    }
}
