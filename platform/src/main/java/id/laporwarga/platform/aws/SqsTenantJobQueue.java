package id.laporwarga.platform.aws;

import id.laporwarga.domain.port.TenantJobQueue;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.json.Json;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The job queues of template.yaml ({@code SCORE_JOBS_QUEUE_URL}, {@code EXPORT_JOBS_QUEUE_URL},
 * {@code ESCALATION_JOBS_QUEUE_URL}): SendMessageBatch, 10 messages a call; entries SQS refuses are sent again once,
 * then reported as failed. Body: {@code {"tenant", "mode", "period"}}; attributes {@code job} and {@code tenant}.
 * Only in a function that has the SQS SDK on its classpath (tenant-jobs).
 */
@Singleton
@Requires(classes = SqsClient.class)
public class SqsTenantJobQueue implements TenantJobQueue {
    public static final String SCORE_QUEUE = "SCORE_JOBS_QUEUE_URL";
    public static final String EXPORT_QUEUE = "EXPORT_JOBS_QUEUE_URL";
    public static final String ESCALATION_QUEUE = "ESCALATION_JOBS_QUEUE_URL";

    private final SqsClient sqs;
    private final Json json;
    private final FunctionEnvironment env;

    public SqsTenantJobQueue(SqsClient sqs, Json json, FunctionEnvironment env) {
        this.sqs = sqs;
        this.json = json;
        this.env = env;
    }

    @Override
    public int send(List<Message> messages) {
        int sent = 0;
        List<String> failed = new ArrayList<>();
        for (int from = 0; from < messages.size(); from += 10) {
            List<Message> batch = messages.subList(from, Math.min(messages.size(), from + 10));
            for (Message m : batch) {
                if (m.job() != batch.get(0).job()) {
                    throw new IllegalArgumentException("one job per batch");
                }
            }
            String queue = env.require(switch (batch.get(0).job()) {
                case SCORE -> SCORE_QUEUE;
                case EXPORT -> EXPORT_QUEUE;
                case ESCALATE -> ESCALATION_QUEUE;
            });
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                entries.add(entry(i, batch.get(i)));
            }
            for (int attempt = 1; attempt <= 2 && !entries.isEmpty(); attempt++) {
                List<SendMessageBatchRequestEntry> toSend = entries;
                SendMessageBatchResponse r = sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(toSend));
                sent += r.successful().size();
                List<String> again = r.failed().stream().filter(f -> !f.senderFault()).map(f -> f.id()).toList();
                r.failed().stream().filter(f -> f.senderFault()).forEach(f -> failed.add(f.id() + ": " + f.message()));
                entries = toSend.stream().filter(e -> again.contains(e.id())).toList();
            }
            entries.forEach(e -> failed.add(e.id() + ": not accepted"));
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("job messages not sent: " + failed);
        }
        return sent;
    }

    private SendMessageBatchRequestEntry entry(int i, Message m) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("tenant", m.tenant());
        if (m.mode() != null) {
            body.put("mode", m.mode());
        }
        if (m.period() != null) {
            body.put("period", m.period());
        }
        return SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(json.write(body))
                .messageAttributes(Map.of(
                        "job", MessageAttributeValue.builder().dataType("String").stringValue(m.job().name()).build(),
                        "tenant", MessageAttributeValue.builder().dataType("String").stringValue(m.tenant()).build()))
                .build();
    }
}
