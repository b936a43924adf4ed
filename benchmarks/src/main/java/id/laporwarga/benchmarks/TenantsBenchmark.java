package id.laporwarga.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import id.laporwarga.domain.geo.AdminBoundary;
import id.laporwarga.domain.geo.AdminLevel;
import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.geo.Boundaries;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.geo.NationalIndex;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.TenantLocator;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.emulators.LocalAws;
import id.laporwarga.emulators.ProvisionedStack;
import id.laporwarga.emulators.SamTemplate;
import id.laporwarga.emulators.StackProvisioner;
import id.laporwarga.function.scorert.ExportHandler;
import id.laporwarga.function.scorert.ScoreRtHandler;
import id.laporwarga.function.submitreport.SubmitReportHandler;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.store.DynamoCaseRepository;
import id.laporwarga.platform.tenant.DynamoTenantStore;
import id.laporwarga.platform.tenant.StarterTenants;
import id.laporwarga.platform.tenant.TenantDocuments;
import io.micronaut.context.ApplicationContext;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Tenancy at national scale (issue 19), against DynamoDB Local + moto: 514 synthetic tenants built from real shapes
 * ({@link SyntheticTenants}: 50 KB to 2 MB files, onboarded through the platform's tenant store with the overlap
 * check), then
 * <ol>
 *   <li><b>locate</b>: a fresh store (a new container) loads the national index, then locates points of 50 tenants;
 *   warm p50/p99 per locate (target p99 ≤ 2 ms), and how many boundary files it read (only the tenants touched);</li>
 *   <li><b>heap</b>: 1,000 submits through submit-report's handler spread over 50 tenants, then the live heap
 *   (target ≤ 256 MB);</li>
 *   <li><b>cold start</b>: submit-report's fresh-JVM first response for a median-size tenant, with every tenant
 *   onboarded, versus the bare SDK program making the same AWS calls (target ≤ 1.3×);</li>
 *   <li><b>jobs</b>: every tenant with 200 reports and the 5 largest with 20,000 (seeded with BatchWriteItem, timed
 *   apart), then score and export each tenant as its job message does: the slowest job (target ≤ 30 s) and the
 *   largest heap peak of a job (target ≤ 512 MB).</li>
 * </ol>
 * Run: {@code ./lapor-bench tenants [--tenants=514] [--reports=200] [--large-reports=20000]}; {@code --smoke}: 12
 * tenants, 6 touched, 60 submits, 20 and 300 reports, one cold round.
 */
public final class TenantsBenchmark {
    static final double RATIO_TARGET = 1.3;
    static final double LOCATE_P99_TARGET_MS = 2;
    static final double SUBMIT_HEAP_TARGET_MB = 256;
    static final double JOB_SECONDS_TARGET = 30;
    static final double JOB_HEAP_TARGET_MB = 512;
    private static final String PERIOD = "2026-10";

    private TenantsBenchmark() {
    }

    /** What the benchmark keeps of an onboarded tenant (its polygons are dropped once stored). */
    private record Onboarded(String id, long bytes, long positions, List<GeoPoint> probes, List<AreaRef> areas) {
    }

    public static void main(String[] args) {
        Bench.run(args, TenantsBenchmark::run);
    }

    private static int run(boolean smoke, String[] args) throws Exception {
        int n = smoke ? 12 : 514;
        int reportsEach = smoke ? 20 : 200;
        int largeReports = smoke ? 300 : 20_000;
        for (String a : args) {
            String value = a.substring(a.indexOf('=') + 1);
            if (a.startsWith("--tenants=")) {
                n = Integer.parseInt(value);
            } else if (a.startsWith("--reports=")) {
                reportsEach = Integer.parseInt(value);
            } else if (a.startsWith("--large-reports=")) {
                largeReports = Integer.parseInt(value);
            }
        }
        int touched = Math.min(n, smoke ? 6 : 50);
        int submits = smoke ? 60 : 1000;
        int largest = Math.min(n, smoke ? 1 : 5);
        SamTemplate template = SamTemplate.load(SamTemplate.findRepositoryTemplate());
        Path root = template.path().getParent();
        System.out.printf(Locale.ROOT, "tenants benchmark: %d tenants, max heap %d MB, %s%n", n,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.version());
        try (LocalAws aws = LocalAws.start()) {
            ProvisionedStack stack = StackProvisioner.provision(template, "bench-tenants", aws);
            List<Onboarded> tenants = onboard(stack, root, n);
            locate(stack, tenants.subList(0, touched), smoke ? 2_000 : 20_000);
            submitHeap(stack, root, tenants.subList(0, touched), submits);
            coldStart(stack, aws, root, tenants, smoke);
            List<Onboarded> big = tenants.stream().sorted(Comparator.comparingLong(Onboarded::bytes).reversed())
                    .limit(largest).toList();
            jobs(stack, aws, tenants, big, reportsEach, largeReports);
        }
        return 0;
    }

    // ------------------------------------------------------------------ onboarding

    private static List<Onboarded> onboard(ProvisionedStack stack, Path root, int n) {
        SyntheticTenants synth = new SyntheticTenants(root);
        List<Onboarded> out = new ArrayList<>(n);
        long totalBytes = 0;
        long started = System.nanoTime();
        try (ApplicationContext ctx = context(stack, "TenantAdminFunction")) {
            DynamoTenantStore store = ctx.getBean(DynamoTenantStore.class);
            Json json = ctx.getBean(Json.class);
            for (int i = 0; i < n; i++) {
                SyntheticTenants.Built b = synth.build(i, SyntheticTenants.targetBytes(i, n));
                String doc = StarterTenants.document(b.id(), b.name(), StarterTenants.zone(b.baseCode()));
                Tenant tenant = TenantDocuments.parse(json.tree(doc), b.id(), Boundaries.of(b.boundaries()));
                store.save(tenant, doc);
                List<AreaRef> areas = new ArrayList<>();
                Map<String, String> kecamatan = new HashMap<>();
                b.boundaries().stream().filter(x -> x.level() == AdminLevel.KECAMATAN)
                        .forEach(x -> kecamatan.put(x.code(), x.name()));
                for (AdminBoundary k : b.boundaries()) {
                    if (k.level() == AdminLevel.KELURAHAN && kecamatan.containsKey(k.kecamatanCode())) {
                        areas.add(new AreaRef(k.kecamatanCode(), kecamatan.get(k.kecamatanCode()), k.code(), k.name(),
                                AreaRef.KelurahanMatch.INSIDE));
                    }
                }
                out.add(new Onboarded(b.id(), b.estimatedBytes(), b.positions(), b.probes(), areas));
                totalBytes += b.estimatedBytes();
                if ((i + 1) % 50 == 0 || i + 1 == n) {
                    System.out.printf(Locale.ROOT, "  onboarded %d/%d (%.0f s)%n", i + 1, n,
                            (System.nanoTime() - started) / 1e9);
                }
            }
            long indexBytes = indexItemBytes(ctx.getBean(DynamoDbClient.class), stack);
            double seconds = (System.nanoTime() - started) / 1e9;
            long min = out.stream().mapToLong(Onboarded::bytes).min().orElse(0);
            long max = out.stream().mapToLong(Onboarded::bytes).max().orElse(0);
            System.out.printf(Locale.ROOT, "onboarding: %d tenants, boundary files %,d to %,d bytes (%,d MB in all), "
                    + "%.1f s (building the files included); national index item %,d bytes%n", n, min, max,
                    totalBytes >> 20, seconds, indexBytes);
            Bench.figure("tenants.onboarded", n, "tenants");
            Bench.figure("tenants.largestFileBytes", max, "bytes");
            Bench.figure("tenants.indexItemBytes", indexBytes, "bytes");
        }
        return out;
    }

    private static long indexItemBytes(DynamoDbClient dynamo, ProvisionedStack stack) {
        String table = stack.functionEnvironment("SubmitReportFunction").get("TABLE_NAME");
        var item = dynamo.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS("TENANTS"),
                "sk", AttributeValue.fromS("INDEX")))).item();
        return item.values().stream().mapToLong(v -> v.b() != null ? v.b().asByteArray().length
                : v.s() != null ? v.s().length() : v.n() != null ? v.n().length() : 0).sum();
    }

    // ------------------------------------------------------------------ locate

    private static void locate(ProvisionedStack stack, List<Onboarded> touched, int measured) {
        try (ApplicationContext ctx = context(stack, "SubmitReportFunction")) {
            DynamoTenantStore store = ctx.getBean(DynamoTenantStore.class);
            long t0 = System.nanoTime();
            NationalIndex index = store.index();
            double indexMs = (System.nanoTime() - t0) / 1e6;
            // first touch of each tenant (its document and boundary file), and the probes that locate to it
            List<GeoPoint> points = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            long firstTouch = System.nanoTime();
            for (Onboarded t : touched) {
                for (GeoPoint p : t.probes()) {
                    var found = TenantLocator.find(store, p);
                    if (found.isPresent() && found.get().tenant().id().equals(t.id())) {
                        points.add(p);
                        expected.add(t.id());
                    } else if (found.isPresent()) {
                        throw new IllegalStateException(p + " of " + t.id() + " located in " + found.get().tenant().id());
                    }
                }
            }
            double firstTouchMs = (System.nanoTime() - firstTouch) / 1e6 / touched.size();
            List<String> loads = store.boundaryLoads();
            if (loads.size() != touched.size() || !touched.stream().map(Onboarded::id).toList().containsAll(loads)) {
                throw new IllegalStateException("boundary files read: " + loads);
            }
            SplittableRandom random = new SplittableRandom(7);
            long[] nanos = new long[measured];
            for (int i = 0; i < measured + measured / 4; i++) {
                int k = random.nextInt(points.size());
                long s = System.nanoTime();
                String id = TenantLocator.require(store, points.get(k)).tenant().id();
                long d = System.nanoTime() - s;
                if (!id.equals(expected.get(k))) {
                    throw new IllegalStateException(points.get(k) + " located in " + id);
                }
                if (i >= measured / 4) {
                    nanos[i - measured / 4] = d; // the first quarter warms the JIT
                }
            }
            java.util.Arrays.sort(nanos);
            double p50 = nanos[measured / 2] / 1e6;
            double p99 = nanos[(int) (measured * 0.99)] / 1e6;
            System.out.printf(Locale.ROOT, "locate: national index of %d tenants loaded in %.1f ms; first touch of a "
                    + "tenant (document + boundary file + index) %.1f ms on average; %d boundary files read for %d "
                    + "tenants touched (of %d)%n", index.size(), indexMs, firstTouchMs, loads.size(), touched.size(),
                    index.size());
            System.out.printf(Locale.ROOT, "locate (warm, %,d points of %d tenants): p50 %.3f ms, p99 %.3f ms "
                    + "(target <= %.0f ms: %s)%n", measured, touched.size(), p50, p99, LOCATE_P99_TARGET_MS,
                    p99 <= LOCATE_P99_TARGET_MS ? "met" : "NOT met");
            Bench.figure("tenants.indexLoadMs", indexMs, "ms");
            Bench.figure("tenants.boundaryFilesRead", loads.size(), "files");
            Bench.figure("tenants.locateP50Ms", p50, "ms");
            Bench.figure("tenants.locateP99Ms", p99, "ms");
        }
    }

    // ------------------------------------------------------------------ heap after submits

    private static void submitHeap(ProvisionedStack stack, Path root, List<Onboarded> touched, int submits)
            throws Exception {
        String eventText = Files.readString(root.resolve("events/http-submit-report.json"));
        var serializer = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class,
                TenantsBenchmark.class.getClassLoader());
        int created = 0;
        long started = System.nanoTime();
        SubmitReportHandler handler = new SubmitReportHandler(ApplicationContext.builder()
                .singletons(new FunctionEnvironment(stack.functionEnvironment("SubmitReportFunction"))));
        try {
            for (int s = 0; s < submits; s++) {
                Onboarded t = touched.get(s % touched.size());
                GeoPoint p = t.probes().get((s / touched.size()) % t.probes().size());
                APIGatewayV2HTTPEvent event = serializer.fromJson(at(eventText, p));
                Map<String, String> headers = new HashMap<>(event.getHeaders());
                headers.put("idempotency-key", UUID.randomUUID().toString());
                event.setHeaders(headers);
                APIGatewayV2HTTPResponse r = handler.handleRequest(event, null);
                if (r.getStatusCode() == 201) {
                    created++;
                } else if (r.getStatusCode() != 422) {
                    throw new IllegalStateException("submit answered " + r.getStatusCode() + ": " + r.getBody());
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.gc();
            System.gc();
            double liveMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0;
            System.out.printf(Locale.ROOT, "submits: %d (%d created) over %d tenants in %.1f s; live heap after: "
                    + "%.1f MB (target <= %.0f MB: %s; the whole benchmark's JVM, the emulator's client included)%n",
                    submits, created, touched.size(), seconds, liveMb, SUBMIT_HEAP_TARGET_MB,
                    liveMb <= SUBMIT_HEAP_TARGET_MB ? "met" : "NOT met");
            if (created < submits * 9 / 10) {
                throw new IllegalStateException("only " + created + " of " + submits + " submits created a case");
            }
            Bench.figure("tenants.submitHeapMb", liveMb, "MB");
        } finally {
            handler.close();
        }
    }

    /** events/http-submit-report.json with its location moved to {@code p}. */
    private static String at(String eventText, GeoPoint p) {
        return eventText.replace("0.749865", Double.toString(p.lat())).replace("124.322505", Double.toString(p.lon()));
    }

    // ------------------------------------------------------------------ cold start

    private static void coldStart(ProvisionedStack stack, LocalAws aws, Path root, List<Onboarded> tenants,
                                  boolean smoke) throws Exception {
        Map<String, String> env = stack.functionEnvironment("SubmitReportFunction");
        byte[] photo = Files.readAllBytes(root.resolve("sample-data/photos/htc-desire_gps.jpg"));
        aws.s3().putObject(r -> r.bucket(stack.bucket("PhotosBucket")).key(BareSdkCalls.BENCH_OBJECT),
                RequestBody.fromBytes(photo));
        List<Onboarded> bySize = tenants.stream().sorted(Comparator.comparingLong(Onboarded::bytes)).toList();
        Onboarded median = bySize.get(bySize.size() / 2);
        Path event = Files.createTempFile("tenants-submit", ".json");
        Files.writeString(event, at(Files.readString(root.resolve("events/http-submit-report.json")),
                median.probes().get(0)));
        int rounds = smoke ? 1 : 3;
        if (!smoke) {
            ColdStart.run(SubmitReportColdInvoke.class, env, event.toString());
        }
        List<Long> fn = new ArrayList<>();
        List<Long> bare = new ArrayList<>();
        String byOperation = "?";
        for (int i = 0; i < rounds; i++) {
            ColdStart.Run run = ColdStart.run(SubmitReportColdInvoke.class, env, event.toString());
            fn.add(run.millis());
            byOperation = ColdStart.lineStartingWith(run.output(), "awsCallsByOperation=");
            List<String> bareArgs = new ArrayList<>(List.of("--event", APIGatewayV2HTTPEvent.class.getName(),
                    event.toString()));
            bareArgs.addAll(List.of(ColdStartAllBenchmark.bareArguments(byOperation)));
            bare.add(ColdStart.run(BareSdkCalls.class, env, bareArgs.toArray(String[]::new)).millis());
        }
        Files.deleteIfExists(event);
        long fnMs = ColdStart.median(fn);
        long bareMs = ColdStart.median(bare);
        double ratio = (double) fnMs / bareMs;
        System.out.printf(Locale.ROOT, "cold start with %d tenants onboarded (a %,d-byte boundary file): submit-report "
                + "%d ms %s, bare SDK program with the same calls %d ms %s; ratio %.2fx (target <= %.1fx: %s); calls %s%n",
                tenants.size(), median.bytes(), fnMs, fn, bareMs, bare, ratio, RATIO_TARGET,
                ratio <= RATIO_TARGET ? "met" : "NOT met", byOperation);
        Bench.figure("tenants.coldFunctionMs", fnMs, "ms");
        Bench.figure("tenants.coldBareMs", bareMs, "ms");
        Bench.figure("tenants.coldRatio", ratio, "x");
    }

    // ------------------------------------------------------------------ score and export jobs

    private static void jobs(ProvisionedStack stack, LocalAws aws, List<Onboarded> tenants, List<Onboarded> big,
                             int reportsEach, int largeReports) {
        long seedStart = System.nanoTime();
        long seeded = 0;
        try (ApplicationContext ctx = context(stack, "ScoreRtFunction")) {
            DynamoCaseRepository repository = ctx.getBean(DynamoCaseRepository.class);
            DynamoDbClient dynamo = aws.dynamoDb();
            String table = stack.functionEnvironment("ScoreRtFunction").get("TABLE_NAME");
            for (Onboarded t : tenants) {
                int count = big.contains(t) ? largeReports : reportsEach;
                ScoreRtBenchmark.Generator generator = new ScoreRtBenchmark.Generator(Math.max(20, count / 20),
                        t.id().hashCode(), t.id(), t.areas());
                List<WriteRequest> batch = new ArrayList<>(25);
                for (int i = 0; i < count; i++) {
                    ReportCase c = generator.next(i);
                    batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(repository.toItem(c)).build())
                            .build());
                    if (batch.size() == 25 || i == count - 1) {
                        write(dynamo, table, batch);
                        batch = new ArrayList<>(25);
                    }
                }
                seeded += count;
            }
        }
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        System.out.printf(Locale.ROOT, "seeding: %,d reports (%d tenants x %d, the %d largest x %,d) with "
                + "BatchWriteItem in %.1f s (not part of the jobs' figures)%n", seeded, tenants.size(), reportsEach,
                big.size(), largeReports, seedSeconds);
        Bench.figure("tenants.seedSeconds", seedSeconds, "s");

        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        double slowest = 0;
        double peakMb = 0;
        String slowestJob = "";
        double bigSlowest = 0;
        long started = System.nanoTime();
        ScoreRtHandler score = new ScoreRtHandler(ApplicationContext.builder()
                .singletons(new FunctionEnvironment(stack.functionEnvironment("ScoreRtFunction"))));
        ExportHandler export = new ExportHandler(ApplicationContext.builder()
                .singletons(new FunctionEnvironment(stack.functionEnvironment("ExportFunction"))));
        try {
            for (Onboarded t : tenants) {
                for (String job : List.of("score", "export")) {
                    System.gc();
                    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
                    long s = System.nanoTime();
                    SQSEvent event = jobEvent(job, t.id());
                    SQSBatchResponse r = "score".equals(job) ? score.handleRequest(event, null)
                            : export.handleRequest(event, null);
                    double seconds = (System.nanoTime() - s) / 1e9;
                    if (!r.getBatchItemFailures().isEmpty()) {
                        throw new IllegalStateException(job + " of " + t.id() + " failed");
                    }
                    double mb = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576.0;
                    peakMb = Math.max(peakMb, mb);
                    if (seconds > slowest) {
                        slowest = seconds;
                        slowestJob = job + " " + t.id();
                    }
                    if (big.contains(t)) {
                        bigSlowest = Math.max(bigSlowest, seconds);
                    }
                }
            }
        } finally {
            score.close();
            export.close();
        }
        double total = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "jobs: score + export of %d tenants, one job message each: %.1f s in all; slowest "
                + "job %.2f s (%s; the largest tenants' slowest %.2f s; target <= %.0f s: %s); largest heap peak of a job "
                + "%.1f MB (the whole JVM's heap; target <= %.0f MB: %s)%n", tenants.size(), total, slowest, slowestJob,
                bigSlowest, JOB_SECONDS_TARGET, slowest <= JOB_SECONDS_TARGET ? "met" : "NOT met", peakMb,
                JOB_HEAP_TARGET_MB, peakMb <= JOB_HEAP_TARGET_MB ? "met" : "NOT met");
        Bench.figure("tenants.slowestJobSeconds", slowest, "s");
        Bench.figure("tenants.jobPeakHeapMb", peakMb, "MB");
    }

    private static SQSEvent jobEvent(String job, String tenantId) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(UUID.randomUUID().toString());
        m.setBody("{\"tenant\":\"" + tenantId + "\",\"period\":\"" + PERIOD + "\"}");
        SQSEvent.MessageAttribute kind = new SQSEvent.MessageAttribute();
        kind.setDataType("String");
        kind.setStringValue(job.toUpperCase(Locale.ROOT));
        SQSEvent.MessageAttribute tenant = new SQSEvent.MessageAttribute();
        tenant.setDataType("String");
        tenant.setStringValue(tenantId);
        m.setMessageAttributes(Map.of("job", kind, "tenant", tenant));
        m.setEventSource("aws:sqs");
        SQSEvent e = new SQSEvent();
        e.setRecords(List.of(m));
        return e;
    }

    private static void write(DynamoDbClient dynamo, String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> request = Map.of(table, batch);
        for (int round = 0; !request.isEmpty(); round++) {
            if (round > 10) {
                throw new IllegalStateException("BatchWriteItem kept items unprocessed");
            }
            Map<String, List<WriteRequest>> ask = request;
            BatchWriteItemResponse r = dynamo.batchWriteItem(b -> b.requestItems(ask));
            request = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
        }
    }

    private static ApplicationContext context(ProvisionedStack stack, String function) {
        return ApplicationContext.builder().singletons(new FunctionEnvironment(stack.functionEnvironment(function)))
                .start();
    }
}
