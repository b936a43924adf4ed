package id.laporwarga.platform.photo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.geotag.ImageFormat;
import id.laporwarga.domain.geotag.PhotoMetadata;
import id.laporwarga.domain.geotag.StoredPhoto;
import id.laporwarga.testkit.CsvRows;
import id.laporwarga.testkit.RepositoryFiles;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PhotoMetadataReaderTest {
    private final PhotoMetadataReader reader = new PhotoMetadataReader();

    static Stream<Map<String, String>> expectedPhotos() {
        return CsvRows.read(RepositoryFiles.photo("expected.csv")).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedPhotos")
    void readsWhatExpectedCsvSaysForEachRealPhoto(Map<String, String> row) throws Exception {
        byte[] bytes = RepositoryFiles.photoBytes(row.get("file"));
        MemorySource source = new MemorySource(bytes);

        PhotoMetadataReader.Result result = reader.read(source);
        PhotoMetadata m = result.metadata();

        assertEquals(ImageFormat.JPEG, m.format());
        assertEquals(Boolean.parseBoolean(row.get("has_gps")), m.gpsTagsPresent(), "has_gps");
        if (Boolean.parseBoolean(row.get("gps_usable"))) {
            assertNotNull(m.location(), "location");
            assertEquals(Double.parseDouble(row.get("lat")), m.location().lat(), 1e-6, "lat");
            assertEquals(Double.parseDouble(row.get("lon")), m.location().lon(), 1e-6, "lon");
        } else {
            assertNull(m.location(), "an unusable position is no position");
        }
        String taken = row.get("datetime_original");
        assertEquals(taken.isEmpty() ? null : LocalDateTime.parse(taken), m.capturedLocal(), "DateTimeOriginal");
        String offset = row.get("offset_time_original");
        assertEquals(offset.isEmpty() ? null : ZoneOffset.of(offset), m.capturedOffset());
        assertEquals(row.get("make").isEmpty() ? null : row.get("make"), m.make());
        assertEquals(row.get("model").isEmpty() ? null : row.get("model"), m.model());
        assertEquals(Math.min(bytes.length, 128 * 1024), result.bytesRead(), "one ranged read of at most 128 KB");
        assertEquals(1, source.requests.size());
    }

    @Test
    void readsKotamobaguCoordinatesAndOffsetWrittenIntoARealPhoto() throws Exception {
        Map<String, String> row = CsvRows.read(RepositoryFiles.sampleData().resolve("kotamobagu/kotamobagu.points.csv")).stream()
                .filter(r -> !"outside".equals(r.get("level"))).findFirst().orElseThrow();
        GeoPoint inside = new GeoPoint(Double.parseDouble(row.get("lat")), Double.parseDouble(row.get("lon")));
        byte[] photo = TestPhotos.nikonAt(inside.lat(), inside.lon(), LocalDateTime.of(2026, 11, 24, 9, 30), "+08:00");

        PhotoMetadata m = reader.read(new MemorySource(photo)).metadata();

        assertEquals(inside.lat(), m.location().lat(), 1e-6);
        assertEquals(inside.lon(), m.location().lon(), 1e-6);
        assertEquals("NIKON", m.make());
        assertEquals(Instant.parse("2026-11-24T01:30:00Z"), m.capturedAt(java.time.ZoneId.of("Asia/Jakarta")),
                "OffsetTimeOriginal wins over the tenant zone");
    }

    @Test
    void withoutOffsetTheCaptureTimeIsInTheTenantZone() throws Exception {
        byte[] photo = TestPhotos.nikonAt(0.7, 124.3, LocalDateTime.of(2026, 11, 24, 9, 30), null);

        PhotoMetadata m = reader.read(new MemorySource(photo)).metadata();

        assertNull(m.capturedOffset());
        assertEquals(Instant.parse("2026-11-24T01:30:00Z"), m.capturedAt(java.time.ZoneId.of("Asia/Makassar")), "WITA");
        assertEquals(Instant.parse("2026-11-24T00:30:00Z"), m.capturedAt(java.time.ZoneId.of("Asia/Jayapura")), "WIT");
    }

    @Test
    void fiveMegabytePhotoIsVerifiedFromTheFirst128KilobytesOnly() throws Exception {
        byte[] big = TestPhotos.largeJpeg(5 * 1024 * 1024, 0.7337, 124.3138, LocalDateTime.of(2026, 11, 24, 9, 0), "+08:00");
        MemorySource source = new MemorySource(big);

        PhotoMetadataReader.Result result = reader.read(source);

        assertTrue(big.length > 4_500_000, "photo is " + big.length);
        assertEquals(0.7337, result.metadata().location().lat(), 1e-6);
        assertTrue(result.bytesRead() <= 128 * 1024, "read " + result.bytesRead());
        assertEquals(1, source.requests.size());
    }

    @Test
    void fetchesMoreWhenTheExifBlockLiesBeyondTheFirstRange() throws Exception {
        byte[] tagged = TestPhotos.nikonAt(0.7337, 124.3138, LocalDateTime.of(2026, 11, 24, 9, 0), null);
        byte[] padded = TestPhotos.withLeadingSegments(tagged, 300_000);
        MemorySource source = new MemorySource(padded);

        PhotoMetadataReader.Result result = reader.read(source);

        assertEquals(124.3138, result.metadata().location().lon(), 1e-6);
        assertTrue(source.requests.size() > 1, "needed a follow-up range");
        assertTrue(result.bytesRead() < padded.length, "skipped segments are not fetched: " + result.bytesRead());
    }

    @Test
    void garbageIsNotAnImage() {
        byte[] text = "<html>not a photo</html>".getBytes();
        assertThrows(InvalidImageException.class, () -> reader.read(new MemorySource(text)));
        assertThrows(InvalidImageException.class, () -> reader.read(new MemorySource(new byte[0])));
    }

    @Test
    void truncatedJpegIsInvalid() {
        byte[] photo = RepositoryFiles.photoBytes("nikon-coolpix-p6000_gps.jpg");
        byte[] cut = Arrays.copyOf(photo, 300);
        assertThrows(InvalidImageException.class, () -> reader.read(new MemorySource(cut)));
    }

    @Test
    void jpegWhoseSegmentChainIsBrokenIsInvalid() {
        byte[] photo = RepositoryFiles.photoBytes("hopper_noexif.jpg").clone();
        int firstSegmentLength = ((photo[4] & 0xFF) << 8) | (photo[5] & 0xFF);
        photo[2 + 2 + firstSegmentLength] = 0x12; // where the second segment's 0xFF marker must be
        assertThrows(InvalidImageException.class, () -> reader.read(new MemorySource(photo)));
    }

    @Test
    void pngWithoutExifHasNoLocation() throws Exception {
        PhotoMetadata m = reader.read(new MemorySource(TestPhotos.png(null))).metadata();
        assertEquals(ImageFormat.PNG, m.format());
        assertNull(m.location());
        assertFalse(m.gpsTagsPresent());
    }

    @Test
    void pngWithExifChunkIsRead() throws Exception {
        byte[] tiff = TestPhotos.tiffOf(TestPhotos.nikonAt(0.7337, 124.3138, LocalDateTime.of(2026, 11, 24, 9, 0), null));
        PhotoMetadata m = reader.read(new MemorySource(TestPhotos.png(tiff))).metadata();
        assertEquals(0.7337, m.location().lat(), 1e-6);
    }

    @Test
    void heifExifItemIsFoundThroughIlocEvenAtTheEndOfAFiveMegabyteMediaBox() throws Exception {
        byte[] tiff = TestPhotos.tiffOf(TestPhotos.nikonAt(0.7337, 124.3138, LocalDateTime.of(2026, 11, 24, 9, 0), "+08:00"));
        int mdat = 5 * 1024 * 1024;
        byte[] heicExifFirst = TestPhotos.heif(tiff, mdat, 0);
        byte[] heicExifLast = TestPhotos.heif(tiff, mdat, mdat - tiff.length - 10);

        MemorySource first = new MemorySource(heicExifFirst);
        PhotoMetadataReader.Result a = reader.read(first);
        MemorySource last = new MemorySource(heicExifLast);
        PhotoMetadataReader.Result b = reader.read(last);

        assertEquals(ImageFormat.HEIF, a.metadata().format());
        assertEquals(124.3138, a.metadata().location().lon(), 1e-6);
        assertEquals(ZoneOffset.ofHours(8), a.metadata().capturedOffset());
        assertEquals(1, first.requests.size());
        assertEquals(124.3138, b.metadata().location().lon(), 1e-6);
        assertEquals(2, last.requests.size(), "the Exif extent is fetched by itself");
        assertTrue(b.bytesRead() < 200 * 1024, "read " + b.bytesRead());
    }

    @Test
    void heifWithAForeignBrandIsInvalid() {
        byte[] heic = TestPhotos.heif(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 0}, 1000, 0);
        byte[] mp4 = heic.clone();
        System.arraycopy("isom".getBytes(), 0, mp4, 8, 4);
        System.arraycopy("isom".getBytes(), 0, mp4, 16, 4);
        System.arraycopy("isom".getBytes(), 0, mp4, 20, 4);
        assertThrows(InvalidImageException.class, () -> reader.read(new MemorySource(mp4)));
    }

    // ------------------------------------------------------------------ the domain's value (PhotoObjects.readMetadata)

    @Test
    void storedPhotoOfAFiveMegabytePhotoCarriesItsSizeTheBytesFetchedAndItsMetadata() throws Exception {
        byte[] big = TestPhotos.largeJpeg(5 * 1024 * 1024, 0.7337, 124.3138, LocalDateTime.of(2026, 11, 24, 9, 0), "+08:00");

        StoredPhoto stored = reader.stored(new MemorySource(big));

        assertTrue(stored.isImage());
        assertEquals(big.length, stored.sizeBytes());
        assertEquals(128 * 1024, stored.bytesRead());
        assertEquals(124.3138, stored.metadata().location().lon(), 1e-6);
    }

    @Test
    void storedPhotoOfSomethingElseIsNotAnImageButSaysWhatWasFetched() throws Exception {
        byte[] pdf = "%PDF-1.4 not a photo".getBytes();

        StoredPhoto stored = reader.stored(new MemorySource(pdf));

        assertFalse(stored.isImage());
        assertNull(stored.metadata());
        assertEquals(pdf.length, stored.bytesRead());
    }

    @Test
    void aFailingSourceIsAnIoErrorNotAVerdict() {
        ByteRangeSource failing = new ByteRangeSource() {
            @Override
            public byte[] read(long offset, int length) throws java.io.IOException {
                throw new java.io.IOException("connection reset");
            }

            @Override
            public long size() throws java.io.IOException {
                throw new java.io.IOException("connection reset");
            }

            @Override
            public long bytesRead() {
                return 0;
            }
        };
        assertThrows(java.io.IOException.class, () -> reader.stored(failing));
    }
}
