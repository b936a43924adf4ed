package id.laporwarga.domain.routing;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One alert to the agency that now owns a case, ready to publish on the agency-alerts topic.
 *
 * @param agencyId   the routed-to agency (also the {@code agencyId} message attribute)
 * @param subject    the e-mail subject (ASCII, &lt; 100 characters, as SNS requires)
 * @param emailBody  the Indonesian e-mail text
 * @param payload    the machine-readable message for the agency's own systems (SQS, HTTPS): a JSON tree of
 *                   String/Number/Boolean/List/Map values
 * @param attributes the String message attributes subscriptions filter on: {@link #ATTRIBUTE_NAMES}
 */
public record AgencyAlert(String agencyId, String subject, String emailBody, Map<String, Object> payload,
                          Map<String, String> attributes) {
    /** The alert of a first routing. */
    public static final String CASE_ROUTED = "case.routed";
    /** The alert of a routing made again after an official rerouted the case. */
    public static final String CASE_REROUTED = "case.rerouted";
    public static final List<String> ATTRIBUTE_NAMES =
            List.of("tenant", "agencyId", "category", "kecamatan", "priority", "eventType");

    public AgencyAlert {
        Objects.requireNonNull(agencyId, "agencyId");
        payload = Map.copyOf(payload);
        attributes = Map.copyOf(attributes);
    }
}
