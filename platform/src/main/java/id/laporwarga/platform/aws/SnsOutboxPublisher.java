package id.laporwarga.platform.aws;

import id.laporwarga.domain.outbox.OutboxEvent;
import id.laporwarga.domain.port.OutboxPublisher;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.json.Json;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * The outbox relay's publisher: one {@code Publish} per outbox event on its channel's topic (the four topic ARNs of
 * the environment), with the event's String message attributes, which the subscriptions' filter policies match
 * ({@code eventType}, {@code tenant}, {@code agencyId}, {@code role}, {@code channel}, ...; plus {@code eventId}).
 * A failure to reach SNS (or its throttling) is {@link Unavailable}: the relay pauses and tries again.
 * An agency alert is one publish with a per-protocol message ({@code MessageStructure=json}): e-mail subscribers get
 * the Indonesian text and subject, SQS/HTTPS subscribers (the agencies' own systems, raw delivery) the JSON payload.
 */
@Singleton
@Requires(classes = SnsClient.class)
public class SnsOutboxPublisher implements OutboxPublisher {
    private final SnsClient sns;
    private final Json json;
    private final Map<OutboxEvent.Channel, String> topics = new EnumMap<>(OutboxEvent.Channel.class);

    public SnsOutboxPublisher(SnsClient sns, Json json, FunctionEnvironment env) {
        this.sns = sns;
        this.json = json;
        topics.put(OutboxEvent.Channel.CASE_EVENTS, env.require(FunctionEnvironment.CASE_EVENTS_TOPIC_ARN));
        topics.put(OutboxEvent.Channel.AGENCY_ALERTS, env.require(FunctionEnvironment.AGENCY_ALERTS_TOPIC_ARN));
        topics.put(OutboxEvent.Channel.CITIZEN_NOTICES, env.require(FunctionEnvironment.CITIZEN_NOTICES_TOPIC_ARN));
        topics.put(OutboxEvent.Channel.SUPERVISOR_ALERTS, env.require(FunctionEnvironment.SUPERVISOR_ALERTS_TOPIC_ARN));
    }

    @Override
    public String publish(OutboxEvent event) {
        try {
            return send(event);
        } catch (RuntimeException e) {
            if (AwsFailures.isUnavailable(e)) {
                throw new Unavailable(e);
            }
            throw e;
        }
    }

    private String send(OutboxEvent event) {
        String topic = topics.get(event.channel());
        String body = json.write(event.body());
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        event.attributes().forEach((k, v) -> attributes.put(k,
                MessageAttributeValue.builder().dataType("String").stringValue(v).build()));
        if (event.emailText() == null) {
            return sns.publish(r -> r.topicArn(topic).message(body).messageAttributes(attributes)).messageId();
        }
        Map<String, String> perProtocol = new LinkedHashMap<>();
        perProtocol.put("default", body);
        perProtocol.put("email", event.emailText());
        perProtocol.put("sqs", body);
        perProtocol.put("https", body);
        perProtocol.put("http", body);
        return sns.publish(r -> r.topicArn(topic).messageStructure("json").message(json.write(perProtocol))
                .subject(event.subject()).messageAttributes(attributes)).messageId();
    }
}
