package id.laporwarga.function.routetoagency;

import id.laporwarga.domain.report.CaseEvent;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.platform.json.Json;
import io.micronaut.json.tree.JsonNode;
import java.time.Instant;

/**
 * Reads a {@link CaseEvent} from an SQS body. With raw delivery (the template's subscription) the body is the event
 * JSON itself; without it, the SNS envelope ({@code {"Type":"Notification","Message":"..."}}) is unwrapped.
 */
final class CaseEvents {
    private CaseEvents() {
    }

    static CaseEvent parse(Json json, String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("empty message body");
        }
        JsonNode root = json.tree(body);
        JsonNode type = root.get("Type");
        JsonNode message = root.get("Message");
        if (type != null && type.isString() && "Notification".equals(type.getStringValue()) && message != null
                && message.isString()) {
            root = json.tree(message.getStringValue());
        }
        String eventType = text(root, "eventType", true);
        String caseId = text(root, "caseId", true);
        String tenantId = text(root, "tenantId", false);
        String kind = text(root, "kind", false);
        String status = text(root, "status", false);
        String occurredAt = text(root, "occurredAt", false);
        JsonNode version = root.get("version");
        return new CaseEvent(eventType, caseId, tenantId, kind == null ? null : CaseKind.valueOf(kind),
                text(root, "category", false), status == null ? null : CaseStatus.valueOf(status),
                version != null && version.isNumber() ? version.getLongValue() : 0L,
                occurredAt == null ? null : Instant.parse(occurredAt));
    }

    private static String text(JsonNode root, String name, boolean required) {
        JsonNode v = root.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException("missing " + name);
            }
            return null;
        }
        if (!v.isString()) {
            throw new IllegalArgumentException(name + " must be a string");
        }
        return v.getStringValue();
    }
}
