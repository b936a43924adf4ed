package id.laporwarga.domain.outbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A message for the outside world, written in the same transaction as the case change it announces (a transactional
 * outbox) and published by the outbox relay, at least once, on the topic of its {@link Channel}. Built by
 * {@link OutboxEvents}; the domain never publishes anything itself.
 *
 * @param eventId    deterministic ({@code <caseId>#<type>#<case version>}): a retried write of the same change cannot
 *                   store it twice, and consumers recognise a redelivery by it (message attribute {@code eventId})
 * @param channel    the topic it goes to
 * @param eventType  {@code case.verified}, {@code agency-alert}, {@code citizen-notice}, ... (logs, metrics)
 * @param body       the message: a JSON tree of String/Number/Boolean/List/Map values (null values allowed)
 * @param attributes the String message attributes subscriptions filter on (no blank values: SNS refuses them)
 * @param subject    the e-mail subject of an agency alert (null otherwise)
 * @param emailText  the e-mail text of an agency alert (null otherwise): published per protocol
 */
public record OutboxEvent(String eventId, Channel channel, String eventType, String caseId, String tenantId,
                          Map<String, Object> body, Map<String, String> attributes, String subject, String emailText) {

    /** The topics of the platform (template.yaml), one per audience. */
    public enum Channel {
        /** {@code CaseEventsTopic}: every transition others react to (route-to-agency's queue filters on it). */
        CASE_EVENTS,
        /** {@code AgencyAlertsTopic}: the owner of a routed case (agencies' own subscriptions filter on it). */
        AGENCY_ALERTS,
        /** {@code CitizenNoticesTopic}: the reporter's SMS/WhatsApp gateway (ids and text, never the contact). */
        CITIZEN_NOTICES,
        /** {@code SupervisorAlertsTopic}: a step's deadline passed (subscriptions filter on {@code role}). */
        SUPERVISOR_ALERTS
    }

    /** The message attribute every outbox message carries: consumers de-duplicate on it. */
    public static final String EVENT_ID_ATTRIBUTE = "eventId";
    /** SNS takes at most 10 message attributes. */
    public static final int MAX_ATTRIBUTES = 10;

    public OutboxEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(body, "body");
        body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
        Map<String, String> kept = new LinkedHashMap<>();
        if (attributes != null) {
            attributes.forEach((k, v) -> {
                if (k != null && v != null && !v.isBlank()) {
                    kept.put(k, v);
                }
            });
        }
        kept.put(EVENT_ID_ATTRIBUTE, eventId);
        if (kept.size() > MAX_ATTRIBUTES) {
            throw new IllegalArgumentException(eventType + ": more than " + MAX_ATTRIBUTES + " message attributes");
        }
        attributes = Collections.unmodifiableMap(kept);
    }
}
