package id.laporwarga.local.e2e;

import id.laporwarga.testkit.RepositoryFiles;
import id.laporwarga.testkit.SamplePoints;
import id.laporwarga.testkit.TaggedPhotos;
import static id.laporwarga.local.e2e.SharedDevStack.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 4 on the whole local stack: presigned PUT → S3 notification (moto) → PhotoUploadedQueue → the runner's event
 * source → verify-geotag; the verdict is read on the public view only.
 */
@Tag("emulator")
@Timeout(120)
@ExtendWith(SharedDevStack.class)
class GeotagVerdictsE2EIT {
    static final Duration VERIFIED_WITHIN = Duration.ofSeconds(5);

    static boolean passedThrough(JsonNode view, String status) {
        return status.equals(view.path("status").asText()) || StreamSupport.stream(view.path("history").spliterator(),
                false).anyMatch(h -> status.equals(h.path("status").asText()));
    }

    @Test
    void insideIsVerifiedOutsideIsRejectedAndNoGpsNeedsReview() {
        assumeTrue(Commands.onPath("curl"), "curl is not installed");
        LaporApi api = new LaporApi(local());
        double[] reported = SamplePoints.named("Kotobangun").latLon();
        Map<String, Path> photos = new LinkedHashMap<>();
        photos.put("inside", TaggedPhotos.temporaryFile(TaggedPhotos.nikonTakenAnHourAgo(reported), ".jpg"));
        photos.put("outside", TaggedPhotos.temporaryFile(TaggedPhotos.nikonTakenAnHourAgo(SamplePoints.outside().get(0).latLon()), ".jpg"));
        // a real phone photo with its own GPS (Milan, 2011), reported from Kotamobagu
        photos.put("foreign", RepositoryFiles.photo("htc-desire_gps.jpg"));
        photos.put("noGps", TaggedPhotos.temporaryFile(TaggedPhotos.nikonTakenAnHourAgo(null), ".jpg"));

        Map<String, JsonNode> submissions = new LinkedHashMap<>();
        photos.forEach((name, photo) -> submissions.put(name,
                api.submit(LaporApi.report("COMPLAINT", "JALAN_RUSAK", reported, "ANONYMOUS", null, photo))));
        Map<String, Long> uploadedAt = new LinkedHashMap<>();
        photos.forEach((name, photo) -> {
            LaporApi.uploadWithCurl(submissions.get(name), photo);
            uploadedAt.put(name, System.nanoTime());
        });

        String inside = submissions.get("inside").get("trackingCode").asText();
        JsonNode verified = api.awaitPublicView(inside, v -> passedThrough(v, "VERIFIED"), VERIFIED_WITHIN);
        System.out.printf("e2e: upload -> VERIFIED on the public view in %d ms%n",
                (System.nanoTime() - uploadedAt.get("inside")) / 1_000_000);
        assertTrue(verified.path("reasons").isMissingNode(), "a clean photo has no findings: " + verified);

        for (String name : new String[] {"outside", "foreign"}) {
            String code = submissions.get(name).get("trackingCode").asText();
            JsonNode rejected = api.awaitStatus(code, "REJECTED", Duration.ofSeconds(10));
            assertEquals("OUTSIDE_JURISDICTION", rejected.at("/reasons/0").asText(), name + ": " + rejected);
            assertTrue(rejected.get("notices").toString().contains("Foto diambil di luar wilayah Kota Kotamobagu."),
                    name + ": Indonesian notice: " + rejected.get("notices"));
            HttpResponse<String> english = api.call("GET", "/v1/reports/" + code, null, null, "Accept-Language", "en");
            assertTrue(english.body().contains("The photo was taken outside Kota Kotamobagu."), english.body());
        }

        String noGps = submissions.get("noGps").get("trackingCode").asText();
        JsonNode review = api.awaitStatus(noGps, "NEEDS_REVIEW", Duration.ofSeconds(10));
        assertEquals("NO_GPS", review.at("/reasons/0").asText(), review.toString());
        assertTrue(review.get("notices").toString().contains("Foto tidak memuat lokasi GPS."), review.toString());
    }
}
