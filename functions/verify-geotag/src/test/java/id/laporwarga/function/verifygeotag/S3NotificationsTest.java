package id.laporwarga.function.verifygeotag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.laporwarga.domain.geotag.PhotoVerification.PhotoUploaded;
import id.laporwarga.platform.json.Json;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import id.laporwarga.testkit.LambdaEvents;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3NotificationsTest {
    private final Json json = new Json(JsonMapper.createDefault());

    private JsonNode event(String file) throws Exception {
        return json.tree(LambdaEvents.text(file));
    }

    @Test
    void readsTheS3NotificationOfTheSampleSqsEvent() throws Exception {
        String body = event("sqs-photo-uploaded.json").get("Records").get(0).get("body").getStringValue();

        List<PhotoUploaded> uploads = S3Notifications.parse(json, body);

        assertEquals(1, uploads.size());
        assertEquals("photos/kotamobagu/0b9c6f1e-5a42-4c43-9d0e-7f1c2a3b4c5d/p1.jpg", uploads.get(0).key());
        assertEquals("lapor-warga-photos-123456789012-ap-southeast-3", uploads.get(0).bucket());
        assertEquals(161721, uploads.get(0).size());
        assertEquals(Instant.parse("2026-11-24T02:01:30.123Z"), uploads.get(0).eventTime());
    }

    @Test
    void s3TestEventIsNoUploadAndGarbageIsPoison() throws Exception {
        JsonNode records = event("sqs-photo-uploaded-mixed-batch.json").get("Records");
        assertEquals(List.of(), S3Notifications.parse(json, records.get(2).get("body").getStringValue()));
        assertThrows(RuntimeException.class, () -> S3Notifications.parse(json, records.get(1).get("body").getStringValue()));
        assertThrows(IllegalArgumentException.class, () -> S3Notifications.parse(json, "{\"hello\":1}"));
        assertThrows(IllegalArgumentException.class, () -> S3Notifications.parse(json, ""));
    }

    @Test
    void keysAreUrlDecodedAndOtherEventsIgnored() {
        String body = "{\"Records\":[{\"eventName\":\"ObjectCreated:CompleteMultipartUpload\",\"s3\":{\"bucket\":{\"name\":\"b\"},"
                + "\"object\":{\"key\":\"photos/kota+mobagu/c%3D1/p1.jpg\",\"size\":5}}},"
                + "{\"eventName\":\"ObjectRemoved:Delete\",\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"x\"}}}]}";
        List<PhotoUploaded> uploads = S3Notifications.parse(json, body);
        assertEquals(1, uploads.size());
        assertEquals("photos/kota mobagu/c=1/p1.jpg", uploads.get(0).key());
    }
}
