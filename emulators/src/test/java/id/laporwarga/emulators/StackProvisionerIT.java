package id.laporwarga.emulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The repository's template and a messaging template provisioned on DynamoDB Local and moto_server. */
@Tag("emulator")
@Timeout(120)
class StackProvisionerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalAws aws;
    private static ProvisionedStack stack;

    @BeforeAll
    static void start() {
        aws = LocalAws.start();
        stack = StackProvisioner.provision(SamTemplate.load(SamTemplate.findRepositoryTemplate()), "emu-test", aws);
    }

    @AfterAll
    static void stop() {
        if (aws != null) {
            aws.close();
        }
    }

    @Test
    void createsTheTemplatesResources() {
        String table = stack.table("CasesTable");
        assertEquals("emu-test-CasesTable", table);   // no TableName: CloudFormation's <stack>-<LogicalId> style
        var description = aws.dynamoDb().describeTable(b -> b.tableName(table)).table();
        assertEquals(5, description.globalSecondaryIndexes().size()); // ByStatusDeadline, ByAgency, ByRt, ByArea, ByCell
        assertTrue(description.globalSecondaryIndexes().stream().allMatch(g -> g.indexStatus() == IndexStatus.ACTIVE));
        var ttl = aws.dynamoDb().describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
        assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
        assertEquals("expiresAt", ttl.attributeName());

        String queue = stack.queueUrl("PhotoUploadedQueue");
        Map<QueueAttributeName, String> attrs = aws.sqs().getQueueAttributes(b -> b.queueUrl(queue)
                .attributeNames(QueueAttributeName.ALL)).attributes();
        assertEquals("180", attrs.get(QueueAttributeName.VISIBILITY_TIMEOUT));
        assertTrue(attrs.get(QueueAttributeName.REDRIVE_POLICY).contains(stack.queueArn("PhotoUploadedDLQ")));
        assertTrue(attrs.get(QueueAttributeName.POLICY).contains("s3.amazonaws.com"));
        assertEquals("arn:aws:sqs:ap-southeast-3:123456789012:emu-test-photo-uploaded", stack.queueArn("PhotoUploadedQueue"));

        String bucket = stack.bucket("PhotosBucket");
        assertTrue(bucket.matches("lapor-warga-dev-photos-[0-9a-f]{12}"), bucket);   // <stage>, last part of the stack id
        assertEquals(1, aws.s3().getBucketCors(b -> b.bucket(bucket)).corsRules().size());
        assertEquals("arn:aws:sns:ap-southeast-3:123456789012:emu-test-case-events", stack.topicArn("CaseEventsTopic"));
        assertTrue(stack.skippedResources().containsAll(List.of("HttpApi", "SubmitReportFunction")));
        assertTrue(stack.outputs().get("ApiUrl").startsWith("https://local"), stack.outputs()::toString);
    }

    @Test
    void functionEnvironmentPointsAtTheEmulators() {
        Map<String, String> env = stack.functionEnvironment("SubmitReportFunction");
        assertEquals("emu-test-CasesTable", env.get("TABLE_NAME"));
        assertEquals(stack.bucket("PhotosBucket"), env.get("PHOTOS_BUCKET"));
        assertEquals(stack.topicArn("CaseEventsTopic"), env.get("CASE_EVENTS_TOPIC_ARN"));
        assertEquals(aws.endpoint("dynamodb").toString(), env.get("AWS_ENDPOINT_URL_DYNAMODB"));
        for (String s : List.of("S3", "SNS", "SQS")) {
            assertEquals(aws.endpoint("s3").toString(), env.get("AWS_ENDPOINT_URL_" + s));
        }
        assertEquals("ap-southeast-3", env.get("AWS_REGION"));
        assertEquals("test", env.get("AWS_ACCESS_KEY_ID"));
        assertEquals("test", env.get("AWS_SECRET_ACCESS_KEY"));
        assertFalse(env.containsKey("AWS_LAMBDA_FUNCTION_NAME"));
    }

    @Test
    void provisioningTwiceIsIdempotent() {
        ProvisionedStack again = StackProvisioner.provision(stack.template(), "emu-test", aws);
        assertEquals(stack.queueUrl("PhotoUploadedQueue"), again.queueUrl("PhotoUploadedQueue"));
        assertEquals(stack.provisionedResources(), again.provisionedResources());
    }

    @Test
    void photoUploadNotifiesTheQueue() throws Exception {
        String bucket = stack.bucket("PhotosBucket");
        String queue = stack.queueUrl("PhotoUploadedQueue");
        aws.s3().putObject(b -> b.bucket(bucket).key("other/ignored.jpg"), RequestBody.fromString("x"));
        aws.s3().putObject(b -> b.bucket(bucket).key("photos/kotamobagu/abc.jpg").contentType("image/jpeg"),
                RequestBody.fromBytes(new byte[] {1, 2, 3}));
        List<JsonNode> records = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 20_000;
        while (records.isEmpty() && System.currentTimeMillis() < deadline) {
            for (Message m : aws.sqs().receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()) {
                JsonNode body = JSON.readTree(m.body());
                aws.sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
                if (body.has("Records")) { // moto, like S3, first sends an s3:TestEvent when notifications are set
                    body.get("Records").forEach(records::add);
                }
            }
        }
        assertEquals(1, records.size(), records::toString);
        JsonNode r = records.get(0);
        assertEquals("ObjectCreated:Put", r.get("eventName").asText());
        assertEquals(bucket, r.at("/s3/bucket/name").asText());
        // keys in S3 event notifications are URL-encoded
        assertEquals("photos/kotamobagu/abc.jpg",
                URLDecoder.decode(r.at("/s3/object/key").asText(), StandardCharsets.UTF_8));
    }

    @Test
    void snsFilterPolicyAndInlineSubscription() throws Exception {
        SamTemplate t = SamTemplate.load(Path.of(getClass().getResource("/messaging-template.yaml").toURI()));
        ProvisionedStack s = StackProvisioner.provision(t, "emu-msg", aws, Map.of("Stage", "it"));
        assertEquals("emu-msg-dlh-it", s.queueName("DlhQueue"));
        assertEquals("emu-msg-AllAlertsQueue", s.queueName("AllAlertsQueue"));
        assertTrue(s.queueName("OrdersFifo").endsWith(".fifo"));
        assertTrue(s.skippedResources().containsAll(List.of("ArchiveBucket", "LambdaRole")));
        assertEquals("plain", s.outputs().get("Mode"));
        assertEquals("arn:aws:iam::123456789012:role/emu-msg-LambdaRole", s.outputs().get("Role"));

        String topic = s.topicArn("AlertsTopic");
        publish(topic, "for-pupr", "pupr", 5);
        publish(topic, "for-dlh-minor", "dlh", 1);
        publish(topic, "for-dlh", "dlh", 3);
        List<Message> dlh = drain(s.queueUrl("DlhQueue"), 1);
        assertEquals(List.of("for-dlh"), dlh.stream().map(Message::body).toList(), "raw delivery, filtered");
        assertEquals("dlh", dlh.get(0).messageAttributes().get("agencyId").stringValue());
        List<Message> all = drain(s.queueUrl("AllAlertsQueue"), 3);
        assertEquals(3, all.size());
        assertEquals("Notification", JSON.readTree(all.get(0).body()).get("Type").asText(), "envelope, not raw");

        StackProvisioner.provision(t, "emu-msg", aws, Map.of("Stage", "it")); // idempotent, subscription updated
        assertEquals(1, aws.sns().listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions().stream()
                .filter(x -> x.endpoint().equals(s.queueArn("DlhQueue"))).count());
    }

    @Test
    void restartKeepsThePorts() {
        ProvisionedStack s = StackProvisioner.provision(SamTemplate.parse("""
                Resources:
                  T:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                  Q: {Type: AWS::SQS::Queue}
                """), "emu-restart", aws);
        int dynamoPort = aws.dynamoDbPort();
        int motoPort = aws.motoPort();
        aws.stopMoto();
        assertFalse(aws.motoRunning());
        assertThrows(RuntimeException.class, () -> aws.sqs().listQueues());
        aws.restartMoto();
        aws.restartDynamoDb();
        assertEquals(dynamoPort, aws.dynamoDbPort());
        assertEquals(motoPort, aws.motoPort());
        assertTrue(aws.dynamoDb().listTables().tableNames().isEmpty(), "in-memory state is gone");
        ProvisionedStack again = StackProvisioner.provision(s.template(), "emu-restart", aws);
        assertNotNull(again.queueUrl("Q"));
        // the other tests' resources are gone too: provision them again
        stack = StackProvisioner.provision(stack.template(), "emu-test", aws);
    }

    private static void publish(String topic, String message, String agency, int severity) {
        aws.sns().publish(b -> b.topicArn(topic).message(message).messageAttributes(Map.of(
                "agencyId", MessageAttributeValue.builder().dataType("String").stringValue(agency).build(),
                "severity", MessageAttributeValue.builder().dataType("Number").stringValue("" + severity).build())));
    }

    private static List<Message> drain(String queueUrl, int expected) {
        List<Message> out = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            var got = aws.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageAttributeNames("All")).messages();
            out.addAll(got);
            got.forEach(m -> aws.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
            if (out.size() >= expected && got.isEmpty()) {
                break;
            }
        }
        return out;
    }
}
