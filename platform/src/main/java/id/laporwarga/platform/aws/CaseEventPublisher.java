package id.laporwarga.platform.aws;

import id.laporwarga.domain.geotag.PhotoVerification;
import id.laporwarga.domain.report.CaseEvent;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.json.Json;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes {@link CaseEvent}s to the case-events topic ({@code CASE_EVENTS_TOPIC_ARN}). The body is the event JSON
 * ({@code eventType, caseId, tenantId, kind, category, status, version, occurredAt} with ISO-8601 time); the String
 * message attributes {@code eventType}, {@code tenant}, {@code kind}, {@code category} let subscriptions filter
 * without parsing (an attribute without a value is left out: SNS refuses empty attributes).
 */
@Singleton
public class CaseEventPublisher implements PhotoVerification.EventSink {
    private final SnsClient sns;
    private final Json json;
    private final FunctionEnvironment env;

    public CaseEventPublisher(SnsClient sns, Json json, FunctionEnvironment env) {
        this.sns = sns;
        this.json = json;
        this.env = env;
    }

    /** Publishes the event (throws when SNS does not accept it). */
    @Override
    public void publish(CaseEvent event) {
        String topic = env.require(FunctionEnvironment.CASE_EVENTS_TOPIC_ARN);
        sns.publish(r -> r.topicArn(topic).message(json.write(body(event))).messageAttributes(attributes(event)));
    }

    /** The JSON body as a tree of plain values. */
    public static Map<String, Object> body(CaseEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventType", event.eventType());
        body.put("caseId", event.caseId());
        body.put("tenantId", event.tenantId());
        body.put("kind", event.kind() == null ? null : event.kind().name());
        body.put("category", event.category());
        body.put("status", event.status() == null ? null : event.status().name());
        body.put("version", event.version());
        body.put("occurredAt", event.occurredAt() == null ? null : event.occurredAt().toString());
        return body;
    }

    public static Map<String, MessageAttributeValue> attributes(CaseEvent event) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        put(attributes, "eventType", event.eventType());
        put(attributes, "tenant", event.tenantId());
        put(attributes, "kind", event.kind() == null ? null : event.kind().name());
        put(attributes, "category", event.category());
        return attributes;
    }

    private static void put(Map<String, MessageAttributeValue> attributes, String name, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(name, MessageAttributeValue.builder().dataType("String").stringValue(value).build());
        }
    }
}
