package id.laporwarga.local.hostile;

import id.laporwarga.testkit.RepositoryFiles;
import id.laporwarga.testkit.SamplePoints;
import id.laporwarga.testkit.TaggedPhotos;
import static id.laporwarga.local.e2e.SharedDevStack.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.laporwarga.local.e2e.SharedDevStack;
import id.laporwarga.local.privacy.OutputCapture;
import id.laporwarga.local.privacy.StackHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Hostile photos through the real path: a fresh report per photo over HTTP, the bytes PUT to its presigned URL, the S3
 * notification (moto) → PhotoUploadedQueue → verify-geotag. Each photo must end REJECTED ({@code INVALID_IMAGE}) or
 * NEEDS_REVIEW with the expected reason on the public view within seconds, checked exactly once (no retry loop), with
 * no ERROR log line and nothing new in {@code PhotoUploadedDLQ}: these are handled, not poison.
 */
@Tag("emulator")
@Timeout(120)
@ExtendWith(SharedDevStack.class)
class HostilePhotosIT {
    static final Duration DECIDED_WITHIN = Duration.ofSeconds(8);

    /** A hostile upload: what is declared at submit time, what is PUT, and the verdict the public view must show. */
    record HostilePhoto(String name, String contentType, long declaredSize, byte[] bytes, String status, String reason) {
    }

    @Test
    void everyHostilePhotoIsDecidedOnceWithAReasonWithoutErrorsOrDeadLetters() {
        StackHttp api = new StackHttp(local());
        double[] reported = SamplePoints.named("Kobo Besar").latLon();
        byte[] nikon = RepositoryFiles.photoBytes("nikon-coolpix-p6000_gps.jpg");
        byte[] tagged = TaggedPhotos.retagInWita(nikon, reported, TaggedPhotos.anHourAgo());
        List<HostilePhoto> photos = new ArrayList<>();
        byte[] cutInMetadata = Arrays.copyOf(tagged, 4000);
        photos.add(new HostilePhoto("truncated JPEG (cut inside its metadata)", "image/jpeg", cutInMetadata.length,
                cutInMetadata, "REJECTED", "INVALID_IMAGE"));
        byte[] cutInScan = Arrays.copyOf(tagged, tagged.length * 6 / 10);
        photos.add(new HostilePhoto("truncated JPEG (cut in its scan data, declared at its full size)", "image/jpeg",
                tagged.length, cutInScan, "REJECTED", "INVALID_IMAGE"));
        photos.add(new HostilePhoto("EXIF GPS lat 999 / lon 720", "image/jpeg", 0,
                TaggedPhotos.retagInWita(nikon, new double[] {999, 720}, TaggedPhotos.anHourAgo()), "NEEDS_REVIEW", "NO_GPS"));
        photos.add(new HostilePhoto("EXIF DateTimeOriginal in year 9999", "image/jpeg", 0,
                TaggedPhotos.retagInWita(nikon, reported, "9999:12:31 23:59:59"), "NEEDS_REVIEW", "FUTURE_PHOTO"));
        photos.add(new HostilePhoto("EXIF DateTimeOriginal 0000:00:00 00:00:00", "image/jpeg", 0,
                TaggedPhotos.retagInWita(nikon, reported, "0000:00:00 00:00:00"), "NEEDS_REVIEW", "NO_CAPTURE_TIME"));
        byte[] tiny = TaggedPhotos.retagInWita(RepositoryFiles.photoBytes("apple-iphone7_gps.jpg"), reported, TaggedPhotos.anHourAgo());
        photos.add(new HostilePhoto("tiny valid photo (" + tiny.length + " B) declared as 9 MB", "image/jpeg",
                9L * 1024 * 1024, tiny, "REJECTED", "INVALID_IMAGE"));
        photos.add(new HostilePhoto("text under the .jpg key", "image/jpeg", 0,
                "Ini bukan foto, hanya teks biasa.\n".repeat(40).getBytes(StandardCharsets.UTF_8), "REJECTED",
                "INVALID_IMAGE"));
        photos.add(new HostilePhoto("ZIP archive under the .jpg key", "image/jpeg", 0, zip(), "REJECTED",
                "INVALID_IMAGE"));
        photos.add(new HostilePhoto("PNG bomb header 65535x65535, no EXIF", "image/png", 0, pngBombHeader(),
                "NEEDS_REVIEW", "NO_GPS"));
        photos.add(new HostilePhoto("JPEG whose APP1 claims 65,535 bytes", "image/jpeg", 0, app1ClaimingTooMuch(),
                "REJECTED", "INVALID_IMAGE"));

        String dlq = local().stack().queueUrl("PhotoUploadedDLQ");
        long deadLettersBefore = deadLetters(dlq);
        Map<HostilePhoto, JsonNode> submissions = new LinkedHashMap<>();
        Map<HostilePhoto, JsonNode> verdicts = new LinkedHashMap<>();
        String logs;
        long started = System.nanoTime();
        try (OutputCapture capture = new OutputCapture()) {
            for (HostilePhoto p : photos) {
                long declared = p.declaredSize() > 0 ? p.declaredSize() : p.bytes().length;
                JsonNode submission = api.submit(StackHttp.report("COMPLAINT", "JALAN_RUSAK", reported, "ANONYMOUS",
                        null, null, List.of(StackHttp.photo(p.contentType(), declared))), null);
                api.upload(submission, 0, p.bytes());
                submissions.put(p, submission);
            }
            for (HostilePhoto p : photos) {
                String code = submissions.get(p).get("trackingCode").asText();
                verdicts.put(p, api.awaitPublicView(code, v -> !"AWAITING_PHOTOS".equals(v.path("status").asText()),
                        DECIDED_WITHIN));
            }
            StackHttp.sleep(1500); // a retried message would show up again within the tests' visibility timeout
            logs = capture.logs();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        List<String> errorLines = logs.lines().filter(l -> l.contains("\"level\":\"ERROR\"")).toList();
        verdicts.forEach((p, view) -> System.out.printf("hostile photo: %-66s %7d B -> %s %s%n", p.name(),
                p.bytes().length, view.get("status").asText(), view.path("reasons")));
        for (HostilePhoto p : photos) {
            JsonNode view = verdicts.get(p);
            String caseId = submissions.get(p).get("caseId").asText();
            assertEquals(p.status(), view.get("status").asText(), p.name() + ": " + view);
            assertEquals(p.reason(), view.at("/reasons/0").asText(), p.name() + ": " + view);
            assertTrue(view.path("notices").size() > 0, p.name() + ": the citizen is told why: " + view);
            assertEquals(1, count(logs, "\"event\":\"photo_verified\"[^\\n]*\"caseId\":\"" + Pattern.quote(caseId) + "\"")
                    + count(logs, "\"caseId\":\"" + Pattern.quote(caseId) + "\"[^\\n]*\"event\":\"photo_verified\""),
                    p.name() + ": verified exactly once, no retry loop");
        }
        assertEquals(List.of(), errorLines, "no ERROR log line while verifying hostile photos");
        assertEquals(deadLettersBefore, deadLetters(dlq), "nothing dead-lettered: hostile photos are handled");
        System.out.printf("hostile photos: %d photos decided in %d ms (incl. submit and upload), 0 ERROR lines, "
                + "DLQ %d -> %d%n", photos.size(), millis, deadLettersBefore, deadLetters(dlq));
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static long deadLetters(String queueUrl) {
        Map<QueueAttributeName, String> a = local().aws().sqs().getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("foto.jpg"));
            zip.write("bukan foto".repeat(200).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A well-formed PNG whose IHDR declares 65535 x 65535 RGBA (16 GB decoded) over a few bytes of IDAT; no eXIf. */
    private static byte[] pngBombHeader() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(65535).putInt(65535).put((byte) 8).put((byte) 6)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(new byte[64 * 1024]);
        deflater.finish();
        byte[] buffer = new byte[64 * 1024];
        int n = deflater.deflate(buffer);
        deflater.end();
        chunk(out, "IDAT", Arrays.copyOf(buffer, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** SOI, then an EXIF APP1 whose length field says 65,535 bytes in a file of a few hundred. */
    private static byte[] app1ClaimingTooMuch() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, (byte) 0xFF, (byte) 0xFF});
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1});
        out.writeBytes(new byte[300]);
        return out.toByteArray();
    }
}
