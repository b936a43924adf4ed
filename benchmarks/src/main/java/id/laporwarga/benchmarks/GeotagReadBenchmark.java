package id.laporwarga.benchmarks;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.platform.photo.ByteRangeSource;
import id.laporwarga.platform.photo.PhotoMetadataReader;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.SubmitReportService;
import id.laporwarga.emulators.LocalAws;
import id.laporwarga.emulators.ProvisionedStack;
import id.laporwarga.emulators.SamTemplate;
import id.laporwarga.emulators.SampleTenants;
import id.laporwarga.emulators.StackProvisioner;
import id.laporwarga.function.verifygeotag.VerifyGeotagHandler;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.aws.S3PhotoReader;
import id.laporwarga.platform.store.DynamoCaseRepository;
import id.laporwarga.testkit.TaggedPhotos;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Geotag verification of a 5 MB photo on the emulators (DynamoDB Local + moto S3/SQS/SNS): bytes read and time per
 * verification with ranged GETs (what verify-geotag does) against downloading the whole object, plus the whole
 * handler (S3 read + rules + DynamoDB write + SNS publish). Target: at most 128 KB read per verification.
 *
 * <p>Run: {@code ./lapor-bench geotag-read [iterations=20]}; {@code --smoke}: one iteration after one warm-up.
 */
public final class GeotagReadBenchmark {
    static final long TARGET_BYTES_READ = 128 * 1024;
    private static final GeoPoint KOTAMOBAGU_BARAT = new GeoPoint(0.737611, 124.285133);

    private GeotagReadBenchmark() {
    }

    public static void main(String[] args) {
        Bench.run(args, GeotagReadBenchmark::run);
    }

    private static int run(boolean smoke, String[] args) throws Exception {
        int iterations = smoke ? 1 : args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int warmups = smoke ? 1 : 5;
        byte[] photo = fiveMegabytePhoto();
        System.out.printf(Locale.ROOT, "verify-geotag benchmark: photo %,d bytes, %d iterations, %s%n", photo.length,
                iterations, System.getProperty("java.vm.name") + " " + Runtime.version());

        try (LocalAws aws = LocalAws.start()) {
            ProvisionedStack stack = StackProvisioner.provision(SamTemplate.load(SamTemplate.findRepositoryTemplate()),
                    "geotag-bench", aws);
            SampleTenants.onboardIfAbsent(stack, SampleTenants.KOTAMOBAGU);
            String bucket = stack.bucket("PhotosBucket");
            try (VerifyGeotagHandler handler = new VerifyGeotagHandler(ApplicationContext.builder()
                    .singletons(new FunctionEnvironment(stack.functionEnvironment("VerifyGeotagFunction"))))) {
                measure(photo, iterations, warmups, aws, stack, bucket, handler);
            }
        }
        return 0;
    }

    private static void measure(byte[] photo, int iterations, int warmups, LocalAws aws, ProvisionedStack stack,
                                String bucket, VerifyGeotagHandler handler) throws Exception {
        S3PhotoReader reader = handler.getApplicationContext().getBean(S3PhotoReader.class);
        DynamoCaseRepository cases = handler.getApplicationContext().getBean(DynamoCaseRepository.class);
        S3Client s3 = aws.s3();
        String key = "photos/kotamobagu/bench/p1.jpg";
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("image/jpeg"), RequestBody.fromBytes(photo));

        PhotoMetadataReader metadata = new PhotoMetadataReader();
        // warm-up (JIT, connections), not reported
        for (int i = 0; i < warmups; i++) {
            metadata.read(reader.open(bucket, key));
            metadata.read(whole(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray()));
        }
        long[] rangedNanos = new long[iterations];
        long[] wholeNanos = new long[iterations];
        long rangedBytes = 0;
        long wholeBytes = 0;
        int rangedRequests = 0;
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            S3PhotoReader.S3Object object = reader.open(bucket, key);
            PhotoMetadataReader.Result ranged = metadata.read(object);
            rangedNanos[i] = System.nanoTime() - t0;
            rangedBytes = ranged.bytesRead();
            rangedRequests = object.requests();
            check(ranged);

            long t1 = System.nanoTime();
            byte[] all = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
            PhotoMetadataReader.Result full = metadata.read(whole(all));
            wholeNanos[i] = System.nanoTime() - t1;
            wholeBytes = all.length;
            check(full);
        }

        // the whole function: S3 ranged read + rules + DynamoDB conditional write + SNS publish
        long[] handlerNanos = new long[iterations];
        long handlerBytes = 0;
        for (int i = -Math.min(3, warmups); i < iterations; i++) {
            ReportCase c = newCase(photo.length);
            cases.create(c, null, "bench-" + c.caseId());
            String photoKey = c.photos().get(0).objectKey();
            s3.putObject(r -> r.bucket(bucket).key(photoKey).contentType("image/jpeg"), RequestBody.fromBytes(photo));
            SQSEvent event = sqsEvent(bucket, photoKey, photo.length);
            long t = System.nanoTime();
            SQSBatchResponse response = handler.execute(event);
            long elapsed = System.nanoTime() - t;
            ReportCase verified = cases.findById(c.caseId()).orElseThrow();
            if (!response.getBatchItemFailures().isEmpty() || verified.status() != CaseStatus.VERIFIED) {
                throw new IllegalStateException("verification failed: " + verified.status() + " "
                        + verified.verificationReasons());
            }
            if (i >= 0) {
                handlerNanos[i] = elapsed;
                handlerBytes = verified.photos().get(0).check().bytesRead();
            }
        }
        aws.sqs().purgeQueue(r -> r.queueUrl(stack.queueUrl("PhotoUploadedQueue"))); // moto's own notifications

        System.out.printf(Locale.ROOT, "%-34s %14s %9s %10s %10s%n", "mode", "bytes read", "requests", "median ms", "p90 ms");
        row("ranged GET (verify-geotag)", rangedBytes, rangedRequests, rangedNanos);
        row("whole object GET", wholeBytes, 1, wholeNanos);
        row("handler: read+rules+DynamoDB+SNS", handlerBytes, rangedRequests, handlerNanos);
        System.out.printf(Locale.ROOT, "bytes read: %.1f%% of the object; target <= %d bytes: %s%n",
                100.0 * rangedBytes / wholeBytes, TARGET_BYTES_READ, rangedBytes <= TARGET_BYTES_READ ? "met" : "MISSED");
        Bench.figure("geotag-read.photoBytes", photo.length, "bytes");
        Bench.figure("geotag-read.rangedBytesRead", rangedBytes, "bytes");
        Bench.figure("geotag-read.rangedRequests", rangedRequests, "requests");
        Bench.figure("geotag-read.handlerBytesRead", handlerBytes, "bytes");
        Bench.figure("geotag-read.rangedMedianMs", median(rangedNanos) / 1e6, "ms");
        Bench.figure("geotag-read.handlerMedianMs", median(handlerNanos) / 1e6, "ms");
    }

    private static void check(PhotoMetadataReader.Result r) {
        if (r.metadata().location() == null || r.metadata().location().distanceMetersTo(KOTAMOBAGU_BARAT) > 1) {
            throw new IllegalStateException("wrong location " + r.metadata().location());
        }
    }

    private static void row(String mode, long bytes, int requests, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-34s %,14d %9d %10.1f %10.1f%n", mode, bytes, requests,
                median(nanos) / 1e6, sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.9) - 1)] / 1e6);
    }

    private static long median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static ByteRangeSource whole(byte[] bytes) {
        return new ByteRangeSource() {
            @Override
            public byte[] read(long offset, int length) {
                int from = (int) Math.min(offset, bytes.length);
                return Arrays.copyOfRange(bytes, from, (int) Math.min(bytes.length, offset + length));
            }

            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public long bytesRead() {
                return bytes.length;
            }
        };
    }

    /** A case as submit-report stores it, its one photo declared with its real size (verify-geotag checks it). */
    private static ReportCase newCase(long photoBytes) {
        String caseId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        Photo photo = new Photo("p1", "image/jpeg", photoBytes,
                SubmitReportService.photoKey("kotamobagu", caseId, "p1", "image/jpeg"), null);
        return new ReportCase(caseId, "kotamobagu", "Asia/Makassar", "BEN-" + caseId.substring(0, 8), CaseKind.COMPLAINT,
                "SAMPAH", "benchmark", KOTAMOBAGU_BARAT, null, null, Privacy.PUBLIC, null, List.of(photo),
                CaseStatus.AWAITING_PHOTOS, 1,
                List.of(new HistoryEntry(now, "reporter", "CITIZEN", "submit", null, CaseStatus.AWAITING_PHOTOS, null)),
                now, now, null, false, List.of(), null, "hash", "request-" + caseId);
    }

    private static SQSEvent sqsEvent(String bucket, String key, long size) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(UUID.randomUUID().toString());
        m.setBody("{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"eventTime\":\"" + Instant.now()
                + "\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"" + bucket
                + "\"},\"object\":{\"key\":\"" + key + "\",\"size\":" + size + "}}}]}");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(m));
        return event;
    }

    /** About 5 MB of noisy pixels (compresses badly, like a real phone photo), geotagged in Kotamobagu now. */
    static byte[] fiveMegabytePhoto() {
        return TaggedPhotos.retag(TaggedPhotos.noiseJpeg(5 * 1024 * 1024),
                new double[] {KOTAMOBAGU_BARAT.lat(), KOTAMOBAGU_BARAT.lon()},
                LocalDateTime.ofInstant(Instant.now().minusSeconds(600), ZoneOffset.ofHours(8)), TaggedPhotos.WITA);
    }
}
