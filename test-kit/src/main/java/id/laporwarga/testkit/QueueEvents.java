package id.laporwarga.testkit;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.joda.time.DateTime;

/** SQS and scheduled events as Lambda's event source mapping and EventBridge hand them to a function. */
public final class QueueEvents {
    private QueueEvents() {
    }

    /** One SQS record with {@code body}, received {@code receiveCount} times. */
    public static SQSEvent.SQSMessage message(String messageId, String body, int receiveCount) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(messageId);
        m.setReceiptHandle("receipt-" + messageId);
        m.setBody(body);
        m.setEventSource("aws:sqs");
        m.setAttributes(Map.of("ApproximateReceiveCount", Integer.toString(receiveCount)));
        return m;
    }

    /** A batch of records. */
    public static SQSEvent sqs(List<SQSEvent.SQSMessage> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(new ArrayList<>(messages));
        return event;
    }

    /** A batch with one first-time record per body. */
    public static SQSEvent sqs(String... bodies) {
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (String body : bodies) {
            messages.add(message(UUID.randomUUID().toString(), body, 1));
        }
        return sqs(messages);
    }

    /** An EventBridge rule's scheduled event. */
    public static ScheduledEvent scheduled(String ruleArn, DateTime time) {
        ScheduledEvent e = new ScheduledEvent();
        e.setId(UUID.randomUUID().toString());
        e.setDetailType("Scheduled Event");
        e.setSource("aws.events");
        e.setTime(time);
        e.setResources(List.of(ruleArn));
        e.setDetail(Map.of());
        return e;
    }
}
