package id.laporwarga.platform.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.geotag.StoredPhoto;
import id.laporwarga.emulators.LocalAws;
import id.laporwarga.platform.photo.PhotoMetadataReader;
import id.laporwarga.platform.photo.TestPhotos;
import id.laporwarga.testkit.RepositoryFiles;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** The photo store of the geotag check against moto's S3: ranged GETs, the size, and a read bound to one object. */
@Tag("emulator")
class S3PhotoReaderIT {
    private static final LocalDateTime TAKEN = LocalDateTime.of(2026, 11, 24, 9, 0);
    private static LocalAws aws;
    private static String bucket;
    private static S3PhotoReader reader;

    @BeforeAll
    static void bucket() {
        aws = LocalAws.shared();
        bucket = "photo-reader-" + UUID.randomUUID().toString().substring(0, 8);
        aws.s3().createBucket(b -> b.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint(aws.region())));
        reader = new S3PhotoReader(aws.s3());
    }

    private static String put(byte[] bytes) {
        String key = "photos/kotamobagu/" + UUID.randomUUID() + "/p1.jpg";
        aws.s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
        return key;
    }

    @Test
    void aFiveMegabytePhotoIsReadWithOneRangedGetOf128Kilobytes() throws Exception {
        byte[] big = TestPhotos.largeJpeg(5 * 1024 * 1024, 0.7337, 124.3138, TAKEN, "+08:00");
        String key = put(big);

        StoredPhoto stored = reader.readMetadata(bucket, key);
        S3PhotoReader.S3Object object = reader.open(bucket, key);
        new PhotoMetadataReader().read(object);

        assertTrue(big.length > 4_500_000, "photo is " + big.length);
        assertTrue(stored.isImage());
        assertEquals(big.length, stored.sizeBytes(), "the size comes from the first response's Content-Range");
        assertEquals(128 * 1024, stored.bytesRead());
        assertEquals(0.7337, stored.metadata().location().lat(), 1e-6);
        assertEquals(1, object.requests(), "one GET, no HeadObject");
    }

    @Test
    void aPhotoSmallerThanTheFirstRangeIsReadWhole() throws Exception {
        byte[] canon = RepositoryFiles.photoBytes("canon-eos-40d_nogps.jpg"); // 7,958 bytes
        String key = put(canon);

        StoredPhoto stored = reader.readMetadata(bucket, key);

        assertEquals(canon.length, stored.sizeBytes());
        assertEquals(canon.length, stored.bytesRead());
        assertEquals("Canon", stored.metadata().make());
    }

    @Test
    void anObjectThatIsNoImageAndAnEmptyObjectAreNotImages() throws Exception {
        StoredPhoto pdf = reader.readMetadata(bucket, put("%PDF-1.4 not a photo".getBytes()));
        StoredPhoto empty = reader.readMetadata(bucket, put(new byte[0]));

        assertFalse(pdf.isImage());
        assertEquals(20, pdf.bytesRead());
        assertFalse(empty.isImage());
        assertEquals(0, empty.bytesRead());
    }

    @Test
    void aMissingObjectIsAnIoErrorToRetry() {
        assertThrows(IOException.class, () -> reader.readMetadata(bucket, "photos/kotamobagu/none/p1.jpg"));
    }

    @Test
    void anObjectReplacedBetweenTwoRangesFailsTheReadInsteadOfMixingTwoFiles() throws Exception {
        byte[] first = new byte[300_000];
        Arrays.fill(first, (byte) 1);
        String key = put(first);
        S3PhotoReader.S3Object object = reader.open(bucket, key);
        assertArrayEquals(new byte[] {1, 1, 1, 1}, object.read(0, 4));

        byte[] second = new byte[300_000];
        Arrays.fill(second, (byte) 2);
        aws.s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(second));

        assertThrows(IOException.class, () -> object.read(200_000, 4), "the later range is bound to the first ETag");
    }

    @Test
    void deletingIsIdempotent() {
        String key = put(new byte[] {1, 2, 3});
        reader.delete(bucket, key);
        reader.delete(bucket, key);
        assertThrows(IOException.class, () -> reader.readMetadata(bucket, key));
    }
}
