package id.laporwarga.local.dlq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.emulators.LocalAws;
import id.laporwarga.emulators.SamTemplate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** {@code ./lapor-dlq} against moto: list, then replay by receive/send/delete (moto has no StartMessageMoveTask). */
@Tag("emulator")
class DlqReplayIT {

    @Test
    void replayMovesEveryDeadLetterBackToItsSourceQueueWithBodyAndAttributes() {
        LocalAws aws = LocalAws.shared();
        SqsClient sqs = aws.sqs();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String dlq = sqs.createQueue(r -> r.queueName("replay-dlq-" + suffix)).queueUrl();
        String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String source = sqs.createQueue(r -> r.queueName("replay-src-" + suffix).attributesWithStrings(Map.of(
                "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"1\"}"))).queueUrl();
        // one message redriven by SQS itself (received past maxReceiveCount), 11 sent straight to the DLQ (> one batch)
        sqs.sendMessage(r -> r.queueUrl(source).messageBody("{\"n\":0}").messageAttributes(Map.of("eventType",
                MessageAttributeValue.builder().dataType("String").stringValue("case.verified").build())));
        sqs.receiveMessage(r -> r.queueUrl(source).visibilityTimeout(0));
        sqs.receiveMessage(r -> r.queueUrl(source).visibilityTimeout(0));
        for (int i = 1; i <= 11; i++) {
            int n = i;
            sqs.sendMessage(r -> r.queueUrl(dlq).messageBody("{\"n\":" + n + "}"));
        }

        ByteArrayOutputStream listed = new ByteArrayOutputStream();
        assertEquals(0, DlqReplay.run(new String[] {"list", dlq, "--endpoint", aws.endpoint("sqs").toString()},
                new PrintStream(listed, true, StandardCharsets.UTF_8)));
        String listing = listed.toString(StandardCharsets.UTF_8);
        assertTrue(listing.startsWith("12 message(s) in " + dlq), listing);
        assertTrue(listing.contains("filter messageId = "), listing);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, DlqReplay.run(new String[] {"replay", dlq, "--endpoint", aws.endpoint("sqs").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8)));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("moved 12 message(s) from " + dlq + " to " + source + " (receive/send/delete)"),
                printed);

        List<Message> back = new ArrayList<>();
        for (int i = 0; i < 5 && back.size() < 12; i++) {
            back.addAll(sqs.receiveMessage(r -> r.queueUrl(source).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(60).messageAttributeNames("All")).messages());
        }
        assertEquals(12, back.size());
        assertEquals(12, back.stream().map(Message::body).distinct().count());
        Message first = back.stream().filter(m -> m.body().equals("{\"n\":0}")).findFirst().orElseThrow();
        assertEquals("case.verified", first.messageAttributes().get("eventType").stringValue());
        assertEquals(0, new DlqReplay(sqs, System.out).peek(dlq, 10).size(), "the DLQ is empty");
    }

    @Test
    void aLogicalIdOfTheTemplateNamesTheStacksQueue() {
        SamTemplate template = SamTemplate.load(SamTemplate.findRepositoryTemplate());
        assertEquals("lapor-warga-local-routing-dlq",
                DlqReplay.queueName(template.resources().get("RoutingDLQ"), "lapor-warga-local"));
        assertEquals("prod-photo-uploaded-dlq", DlqReplay.queueName(template.resources().get("PhotoUploadedDLQ"), "prod"));
    }
}
