package id.laporwarga.platform.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.port.PhotoUploads;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.platform.FunctionEnvironment;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The upload URL binds the declared size and the write-once condition into its SigV4 signature, so S3 itself refuses
 * a PUT of another size or a second PUT to the key (a signed header whose value differs fails the signature). moto
 * does not check presigned signatures, so this is shown on the URL the real SDK presigner makes; the second layer
 * (the pinned version survives a swap the emulator lets through) is {@code VerifyGeotagIT}'s.
 */
class S3PhotoUploadsTest {
    static final S3Presigner PRESIGNER = S3Presigner.builder().region(Region.of("ap-southeast-3"))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
            .build();
    final S3PhotoUploads uploads = new S3PhotoUploads(PRESIGNER,
            new FunctionEnvironment(Map.of(FunctionEnvironment.PHOTOS_BUCKET, "photos-bucket")));

    @AfterAll
    static void close() {
        PRESIGNER.close();
    }

    static Photo photo(long size) {
        return new Photo("p1", "image/jpeg", size, "photos/kotamobagu/case-1/p1.jpg", null);
    }

    static Map<String, String> query(String url) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    @Test
    void theUrlSignsTheDeclaredSizeTheContentTypeAndTheWriteOnceCondition() {
        PhotoUploads.UploadTicket ticket = uploads.presignUpload(photo(245_760));
        List<String> signed = Arrays.asList(query(ticket.url()).get("X-Amz-SignedHeaders").split(";"));
        assertTrue(signed.containsAll(List.of("content-length", "content-type", "host", "if-none-match")),
                "signed headers: " + signed);
        assertEquals("PUT", ticket.method());
        assertEquals(Map.of("Content-Type", "image/jpeg", "Content-Length", "245760", "If-None-Match", "*"),
                ticket.headers(), "the client is told to send exactly the signed values");
        assertEquals("900", query(ticket.url()).get("X-Amz-Expires"));
    }

    @Test
    void anotherSizeIsAnotherSignature() {
        // three URLs for the same key signed within one second: only the declared size may change the signature
        for (int attempt = 0; attempt < 10; attempt++) {
            Map<String, String> declared = query(uploads.presignUpload(photo(245_760)).url());
            Map<String, String> sameAgain = query(uploads.presignUpload(photo(245_760)).url());
            Map<String, String> larger = query(uploads.presignUpload(photo(245_761)).url());
            if (declared.get("X-Amz-Date").equals(larger.get("X-Amz-Date"))
                    && declared.get("X-Amz-Date").equals(sameAgain.get("X-Amz-Date"))) {
                assertEquals(declared.get("X-Amz-Signature"), sameAgain.get("X-Amz-Signature"));
                assertNotEquals(declared.get("X-Amz-Signature"), larger.get("X-Amz-Signature"));
                return;
            }
        }
        throw new AssertionError("could not sign three URLs within one second");
    }
}
