package id.laporwarga.function.verifygeotag;

import id.laporwarga.domain.geotag.PhotoVerification.PhotoUploaded;
import id.laporwarga.platform.json.Json;
import io.micronaut.json.tree.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the S3 event notification that S3 puts into the queue: {@code {"Records":[{"eventName":"ObjectCreated:Put",
 * "eventTime":..., "s3":{"bucket":{"name":..},"object":{"key":..,"size":..}}}]}}. Keys arrive URL-encoded (a space as
 * {@code +}). S3's {@code s3:TestEvent} (sent when the notification is configured) yields no uploads. Anything else
 * that is not such a notification is an {@link IllegalArgumentException}: the message is poison.
 */
final class S3Notifications {
    private S3Notifications() {
    }

    static List<PhotoUploaded> parse(Json json, String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("empty message body");
        }
        JsonNode root = json.tree(body);
        if (!root.isObject()) {
            throw new IllegalArgumentException("body is not a JSON object");
        }
        JsonNode event = root.get("Event");
        if (event != null && event.isString() && "s3:TestEvent".equals(event.getStringValue())) {
            return List.of();
        }
        JsonNode records = root.get("Records");
        if (records == null || !records.isArray()) {
            throw new IllegalArgumentException("not an S3 event notification (no Records)");
        }
        List<PhotoUploaded> uploads = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            String eventName = text(r, "eventName");
            if (eventName == null || !eventName.startsWith("ObjectCreated:")) {
                continue;
            }
            JsonNode s3 = r.get("s3");
            JsonNode bucket = s3 == null ? null : s3.get("bucket");
            JsonNode object = s3 == null ? null : s3.get("object");
            String bucketName = bucket == null ? null : text(bucket, "name");
            String key = object == null ? null : text(object, "key");
            if (bucketName == null || key == null) {
                throw new IllegalArgumentException("S3 record without bucket or key");
            }
            JsonNode size = object.get("size");
            uploads.add(new PhotoUploaded(bucketName, URLDecoder.decode(key, StandardCharsets.UTF_8),
                    size != null && size.isNumber() ? size.getLongValue() : -1, time(text(r, "eventTime")),
                    text(object, "versionId"), text(object, "eTag")));
        }
        return uploads;
    }

    private static Instant time(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v != null && v.isString() ? v.getStringValue() : null;
    }
}
