package id.laporwarga.platform.outbox;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import id.laporwarga.domain.outbox.OutboxEvent;
import id.laporwarga.platform.json.Json;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outbox item of the single table (docs/data-model.md): {@code pk = OUTBOX#<eventId>}, {@code sk = OUTBOX},
 * {@code recordType = OUTBOX} (what the relay's stream filter matches), the event's routing fields, the message body
 * as JSON text ({@code message}), its String attributes ({@code attributes}, a map), an agency alert's e-mail subject
 * and text, and a TTL of {@link #TTL} ({@code expiresAt}). Written by the case repository in the case's transaction;
 * read back here from the table stream's {@code NewImage} (Lambda's event types, no SDK).
 */
@Singleton
public class OutboxItems {
    public static final String PK_PREFIX = "OUTBOX#";
    public static final String SK = "OUTBOX";
    public static final String RECORD_TYPE = "recordType";
    public static final String OUTBOX = "OUTBOX";
    public static final String EVENT_ID = "eventId";
    public static final String CHANNEL = "channel";
    public static final String EVENT_TYPE = "eventType";
    public static final String CASE_ID = "caseId";
    public static final String TENANT_ID = "tenantId";
    public static final String MESSAGE = "message";
    public static final String ATTRIBUTES = "attributes";
    public static final String SUBJECT = "subject";
    public static final String EMAIL = "email";
    public static final String CREATED_AT = "createdAt";
    /**
     * How long an outbox item stays: the stream keeps records 24 hours, the relay retries within them; the item itself
     * is only read back by an operator after an incident (docs/reliability.md).
     */
    public static final Duration TTL = Duration.ofDays(3);

    private final Json json;

    public OutboxItems(Json json) {
        this.json = json;
    }

    public static String pk(String eventId) {
        return PK_PREFIX + eventId;
    }

    /** The body as stored ({@code message}): its JSON text. */
    public String message(OutboxEvent event) {
        return json.write(event.body());
    }

    /**
     * The event of a stream record's {@code NewImage}; empty when the image is not an outbox item (a case, a mark:
     * Lambda's filter lets only outbox inserts through, the local runner too, but the relay checks again).
     */
    @SuppressWarnings("unchecked")
    public java.util.Optional<OutboxEvent> fromImage(Map<String, AttributeValue> image) {
        if (image == null || !OUTBOX.equals(s(image, RECORD_TYPE))) {
            return java.util.Optional.empty();
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        AttributeValue stored = image.get(ATTRIBUTES);
        if (stored != null && stored.getM() != null) {
            stored.getM().forEach((k, v) -> attributes.put(k, v.getS()));
        }
        Map<String, Object> body = json.read(require(image, MESSAGE), Map.class);
        return java.util.Optional.of(new OutboxEvent(require(image, EVENT_ID),
                OutboxEvent.Channel.valueOf(require(image, CHANNEL)), require(image, EVENT_TYPE),
                require(image, CASE_ID), s(image, TENANT_ID), body, attributes, s(image, SUBJECT), s(image, EMAIL)));
    }

    private static String require(Map<String, AttributeValue> image, String name) {
        String v = s(image, name);
        if (v == null) {
            throw new IllegalArgumentException("outbox item without " + name);
        }
        return v;
    }

    private static String s(Map<String, AttributeValue> image, String name) {
        AttributeValue v = image.get(name);
        return v == null ? null : v.getS();
    }
}
