package id.laporwarga.benchmarks;

import com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.ObjectMapper;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import id.laporwarga.emulators.LocalAws;
import id.laporwarga.emulators.ProvisionedStack;
import id.laporwarga.emulators.SamTemplate;
import id.laporwarga.emulators.SampleTenants;
import id.laporwarga.emulators.StackProvisioner;
import id.laporwarga.local.NoticeSender;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Cold start of every function of template.yaml: for each, a fresh JVM (the Lambda java21 runtime's flags plus the
 * template's {@code JAVA_TOOL_OPTIONS}) on exactly the function's Lambda package (what the Makefile ships:
 * {@code functions/<m>/target/<m>.jar} + {@code target/lambda/lib/*.jar}) runs one invocation with the function's
 * sample event ({@link FunctionColdInvoke}); in the same run, alternating with it, a bare SDK-only program on the SDK
 * jars of the same package makes the same AWS calls ({@link BareSdkCalls}). Both against DynamoDB Local + moto with
 * the template's resources and the Kotamobagu tenant. Prints medians, the ratio (target ≤ 1.3×) and the package size
 * (target ≤ 20 MB) per function.
 *
 * <p>Run: {@code ./lapor-bench cold-start-all [rounds=5] [LogicalId...]} (it builds the Lambda packages first; see
 * docs/performance.md). {@code --smoke}: one round, the first (recording) run of each program being the measured one.
 */
public final class ColdStartAllBenchmark {
    static final double RATIO_TARGET = 1.3;
    static final long SIZE_TARGET_BYTES = 20L * 1024 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The sample event of each function (events/), and how it is adapted to the provisioned stack. */
    private record Scenario(String eventFile, Consumer<Map<String, Object>> adapt) {
    }

    record Row(String function, String module, long bareMs, long functionMs, String awsCalls, String status,
               long packageBytes, String phases, String skipped) {
        double ratio() {
            return bareMs == 0 ? 0 : (double) functionMs / bareMs;
        }
    }

    public static void main(String[] args) {
        Bench.run(args, ColdStartAllBenchmark::run);
    }

    private static int run(boolean smoke, String[] args) throws Exception {
        int rounds = smoke ? 0 : args.length > 0 && args[0].matches("\\d+") ? Integer.parseInt(args[0]) : 5;
        Set<String> only = new LinkedHashSet<>(Arrays.asList(args).subList(args.length > 0 && args[0].matches("\\d+")
                ? 1 : 0, args.length));
        SamTemplate template = SamTemplate.load(SamTemplate.findRepositoryTemplate());
        Path repo = template.path().getParent();
        List<String> jvmFlags = lambdaJvmFlags(template);
        System.out.println("JVM flags: " + String.join(" ", jvmFlags) + "; "
                + (smoke ? "smoke: 1 round each, not warmed" : rounds + " rounds each"));

        List<Row> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (LocalAws aws = LocalAws.start()) {
            ProvisionedStack stack = StackProvisioner.provision(template, "bench-all", aws);
            SampleTenants.onboard(stack, SampleTenants.KOTAMOBAGU);
            // the notice function's sender identity, verified as a deployment (and the dev stack) verifies it
            NoticeSender.verify(aws, stack.functionEnvironment(NoticeSender.FUNCTION));
            byte[] photo = Files.readAllBytes(repo.resolve("sample-data/photos/htc-desire_gps.jpg").normalize());
            for (String bucket : List.of(stack.bucket("PhotosBucket"), stack.bucket("AnalyticsBucket"))) {
                aws.s3().putObject(r -> r.bucket(bucket).key(BareSdkCalls.BENCH_OBJECT), RequestBody.fromBytes(photo));
            }
            Map<String, Scenario> scenarios = scenarios(stack, repo);
            Path work = Files.createTempDirectory("cold-start-all");

            for (SamTemplate.Function f : template.functions()) {
                if (!only.isEmpty() && !only.contains(f.logicalId())) {
                    continue;
                }
                Path module = moduleOf(repo, f.handlerClass());
                String name = module.getFileName().toString();
                Path jar = module.resolve("target/" + name + ".jar");
                Path lib = module.resolve("target/lambda/lib");
                if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
                    System.out.println(f.logicalId() + ": no Lambda package; build it: mvn -pl functions/" + name
                            + " -am package -DskipTests");
                    skipped.add(f.logicalId());
                    continue;
                }
                List<Path> libJars;
                try (Stream<Path> s = Files.list(lib)) {
                    libJars = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
                }
                long size = packageBytes(module).orElseThrow();
                String here = codeSource(FunctionColdInvoke.class);
                String functionCp = joinCp(Stream.concat(Stream.of(jar.toString()), libJars.stream().map(Path::toString)),
                        here, codeSource(LambdaEventSerializers.class));
                String bareCp = joinCp(libJars.stream().filter(p -> isSdkJar(p) || p.getFileName().toString()
                        .startsWith("aws-lambda-java-") || p.getFileName().toString().startsWith("joda-"))
                        .map(Path::toString), here, codeSource(LambdaEventSerializers.class));

                Scenario scenario = scenarios.get(f.logicalId());
                if (scenario == null) {
                    System.out.println(f.logicalId() + ": no sample event configured; skipped");
                    skipped.add(f.logicalId());
                    continue;
                }
                Path event = adaptedEvent(repo.resolve("events").resolve(scenario.eventFile()), scenario.adapt(), work);
                Map<String, String> env = new HashMap<>(stack.functionEnvironment(f.logicalId()));
                env.remove("JAVA_TOOL_OPTIONS");   // passed as flags (jvmFlags), like the runtime does

                Path eventSource = repo.resolve("events").resolve(scenario.eventFile());
                Runnable before = () -> {
                    beforeEach(f.logicalId(), aws, stack, photo);
                    // adapted anew for every run: e.g. a fresh Idempotency-Key, so each submit creates a case
                    // (the same key would measure the replay path)
                    try {
                        adaptedEvent(eventSource, scenario.adapt(), work);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                };
                // warms the page cache and the emulators, and records which AWS calls the function makes (measured only
                // in smoke mode)
                before.run();
                ColdStart.Run first = ColdStart.run(functionFlags(jvmFlags), functionCp, FunctionColdInvoke.class, env,
                        f.handlerClass(), event.toString());
                String byOperation = ColdStart.lineStartingWith(first.output(), "awsCallsByOperation=");
                List<String> bareArgList = new ArrayList<>(List.of("--event",
                        FunctionColdInvoke.inputType(Class.forName(f.handlerClass())).getName(), event.toString()));
                bareArgList.addAll(List.of(bareArguments(byOperation)));
                String[] bareArgs = bareArgList.toArray(String[]::new);
                ColdStart.Run bareFirst = ColdStart.run(bareFlags(jvmFlags), bareCp, BareSdkCalls.class, env, bareArgs);

                List<Long> bare = new ArrayList<>();
                List<Long> fn = new ArrayList<>();
                if (rounds == 0) {
                    bare.add(bareFirst.millis());
                    fn.add(first.millis());
                }
                ColdStart.Run last = first;
                for (int i = 0; i < rounds; i++) {
                    bare.add(ColdStart.run(bareFlags(jvmFlags), bareCp, BareSdkCalls.class, env, bareArgs).millis());
                    before.run();
                    last = ColdStart.run(functionFlags(jvmFlags), functionCp, FunctionColdInvoke.class, env, f.handlerClass(),
                            event.toString());
                    fn.add(last.millis());
                }
                String phases = "construct " + ColdStart.lineStartingWith(last.output(), "constructMs=") + " + read "
                        + ColdStart.lineStartingWith(last.output(), "readEventMs=") + " + invoke "
                        + ColdStart.lineStartingWith(last.output(), "invokeMs=") + " ms";
                Row row = new Row(f.logicalId(), name, ColdStart.median(bare), ColdStart.median(fn),
                        ColdStart.lineStartingWith(last.output(), "awsCalls=") + " " + byOperation,
                        ColdStart.lineStartingWith(last.output(), "status="), size, phases,
                        ColdStart.lineStartingWith(bareFirst.output(), "skipped="));
                rows.add(row);
                System.out.printf(Locale.ROOT, "  %-26s bare %5d ms %s | function %5d ms %s | %s%n", f.logicalId(),
                        row.bareMs(), bare, row.functionMs(), fn, phases);
            }
        }
        print(rows);
        if (!skipped.isEmpty()) {
            System.out.println("skipped (not measured): " + skipped);
        }
        long slowest = 0;
        for (Row r : rows) {
            Bench.figure("cold-start-all." + r.function() + ".ratio", r.ratio(), "x");
            Bench.figure("cold-start-all." + r.function() + ".packageMiB", r.packageBytes() / 1024.0 / 1024.0, "MiB");
            slowest = Math.max(slowest, r.functionMs());
        }
        Bench.figure("cold-start-all.functions", rows.size(), "functions");
        Bench.figure("cold-start-all.skipped", skipped.size(), "functions");
        Bench.figure("cold-start-all.slowestFunctionMs", slowest, "ms");
        return 0;
    }

    static void print(List<Row> rows) {
        System.out.println();
        System.out.println("Cold start, fresh JVM to first response (median), and Lambda package size per function");
        System.out.printf(Locale.ROOT, "%-26s %-16s %8s %9s %7s %-8s %9s %-8s %s%n", "function", "module", "bare ms",
                "func ms", "ratio", "≤1.3x", "pkg MB", "≤20 MB", "first response / AWS calls");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "%-26s %-16s %8d %9d %6.2fx %-8s %9.1f %-8s %s / %s%s%n", r.function(),
                    r.module(), r.bareMs(), r.functionMs(), r.ratio(), r.ratio() <= RATIO_TARGET ? "met" : "NOT met",
                    r.packageBytes() / 1024.0 / 1024.0, r.packageBytes() <= SIZE_TARGET_BYTES ? "met" : "NOT met",
                    r.status(), r.awsCalls(), "[]".equals(r.skipped()) ? "" : " (bare skipped " + r.skipped() + ")");
        }
    }

    /** The Lambda java21 runtime's own JVM flags, then the template's Globals JAVA_TOOL_OPTIONS (deduplicated). */
    static List<String> lambdaJvmFlags(SamTemplate template) {
        Set<String> flags = new LinkedHashSet<>(ColdStart.LAMBDA_JVM_FLAGS);
        Object vars = map(map(template.functionGlobals().get("Environment")).get("Variables")).get("JAVA_TOOL_OPTIONS");
        if (vars instanceof String s) {
            flags.addAll(Arrays.asList(s.trim().split("\\s+")));
        }
        return List.copyOf(flags);
    }

    /**
     * Profiling: {@code -Dbench.functionFlags="-Xlog:class+load:file=/tmp/cl.txt"} (or a JFR recording) adds flags to
     * the function's JVM only.
     */
    static List<String> functionFlags(List<String> flags) {
        return withExtraFlags(flags, "bench.functionFlags");
    }

    /** Profiling of the bare program: {@code -Dbench.bareFlags=...}, as {@link #functionFlags(List)}. */
    static List<String> bareFlags(List<String> flags) {
        return withExtraFlags(flags, "bench.bareFlags");
    }

    private static List<String> withExtraFlags(List<String> flags, String property) {
        String extra = System.getProperty(property, "").trim();
        if (extra.isEmpty()) {
            return flags;
        }
        List<String> out = new ArrayList<>(flags);
        out.addAll(Arrays.asList(extra.split("\\s+")));
        return out;
    }

    /** The SDK's own jars (and what they need) among a function's package: the bare program's classpath. */
    static boolean isSdkJar(Path jar) {
        String n = jar.getFileName().toString();
        return !(n.startsWith("micronaut-") || n.startsWith("lapor-") || n.startsWith("jts-")
                || n.startsWith("metadata-extractor") || n.startsWith("xmpcore") || n.startsWith("jackson-")
                || n.startsWith("reactor-") || n.startsWith("joda-") || n.startsWith("aws-lambda-java-")
                || n.startsWith("jakarta.") || n.startsWith("org-crac") || n.startsWith("dynamodb-enhanced"));
    }

    /** {@code {DynamoDb.GetItem=2, Sns.Publish=1}} to {@code DynamoDb.GetItem=2 Sns.Publish=1}. */
    static String[] bareArguments(String byOperation) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("([A-Za-z0-9]+\\.[A-Za-z0-9]+)=(\\d+)").matcher(byOperation);
        while (m.find()) {
            out.add(m.group(1) + "=" + m.group(2));
        }
        return out.toArray(String[]::new);
    }

    private static Map<String, Scenario> scenarios(ProvisionedStack stack, Path repo) {
        String tenantJson = SampleTenants.document(SampleTenants.KOTAMOBAGU);   // tenant.json with its boundaries
        Map<String, Scenario> s = new LinkedHashMap<>();
        s.put("SubmitReportFunction", new Scenario("http-submit-report.json",
                e -> map(e.get("headers")).put("idempotency-key", UUID.randomUUID().toString())));
        s.put("TenantAdminFunction", new Scenario("http-admin-stats.json", e -> {
            e.put("routeKey", "PUT /v1/admin/tenants/{tenantId}");
            e.put("rawPath", "/v1/admin/tenants/kotamobagu");
            e.put("rawQueryString", "");
            e.remove("queryStringParameters");
            e.put("pathParameters", new LinkedHashMap<>(Map.of("tenantId", "kotamobagu")));
            e.put("body", tenantJson);
            Map<String, Object> ctx = map(e.get("requestContext"));
            ctx.put("routeKey", "PUT /v1/admin/tenants/{tenantId}");
            map(ctx.get("http")).put("method", "PUT");
            map(ctx.get("http")).put("path", "/v1/admin/tenants/kotamobagu");
            claims(e, "PLATFORM_ADMIN", "", "");
        }));
        s.put("RosterAdminFunction", new Scenario("http-admin-roster-put.json", e -> {
        }));
        s.put("VerifyGeotagFunction", new Scenario("sqs-photo-uploaded.json", e -> {
            for (Object record : (List<?>) e.get("Records")) {
                Map<String, Object> r = map(record);
                r.put("body", String.valueOf(r.get("body")).replace("lapor-warga-photos-123456789012-ap-southeast-3",
                        stack.bucket("PhotosBucket")));
            }
        }));
        s.put("RouteToAgencyFunction", new Scenario("sqs-case-verified.json", e -> {
        }));
        s.put("OutboxRelayFunction", new Scenario("dynamodb-outbox-inserts.json", e -> {
        }));
        s.put("StepAlertFunction", new Scenario("sqs-case-step-entered.json", e -> {
        }));
        s.put("CitizenNoticeFunction", new Scenario("sqs-citizen-notices.json", e -> {
        }));
        s.put("AdminStatsFunction", new Scenario("http-admin-stats.json",
                e -> claims(e, "CITY_ADMIN", SampleTenants.KOTAMOBAGU, "")));
        // the job queues' workers: one tenant's message each
        s.put("ScoreRtFunction", new Scenario("sqs-score-jobs.json", e -> {
        }));
        s.put("PublicPerformanceFunction", new Scenario("http-public-rt-ranking.json", e -> {
        }));
        s.put("ExportFunction", new Scenario("sqs-export-job.json", e -> {
        }));
        s.put("ReviewStepFunction", new Scenario("http-review-inbox-kelurahan.json", e -> {
        }));
        s.put("EscalationFunction", new Scenario("sqs-escalation-job.json", e -> {
        }));
        // a reporter's confirm (the sample tracking code is not stored here: the first response is a 404)
        s.put("ReporterActionsFunction", new Scenario("http-review-confirm-citizen.json", e -> {
        }));
        // the schedules' fan-out: one job message per onboarded tenant
        s.put("TenantJobsFunction", new Scenario("scheduled-export.json", e -> {
        }));
        return s;
    }

    /** Per-run setup outside the measurement: verify-geotag deletes an unknown object, so it is put back each time. */
    private static void beforeEach(String logicalId, LocalAws aws, ProvisionedStack stack, byte[] photo) {
        if ("VerifyGeotagFunction".equals(logicalId)) {
            aws.s3().putObject(r -> r.bucket(stack.bucket("PhotosBucket"))
                    .key("photos/kotamobagu/0b9c6f1e-5a42-4c43-9d0e-7f1c2a3b4c5d/p1.jpg"), RequestBody.fromBytes(photo));
        }
    }

    private static void claims(Map<String, Object> event, String role, String tenant, String area) {
        Map<String, Object> ctx = map(event.get("requestContext"));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "bench-" + role.toLowerCase(Locale.ROOT));
        claims.put("custom:role", role);
        claims.put("custom:tenant", tenant);
        claims.put("custom:area", area);
        ctx.put("authorizer", new LinkedHashMap<>(Map.of("jwt", new LinkedHashMap<>(Map.of("claims", claims,
                "scopes", List.of())))));
    }

    private static Path adaptedEvent(Path source, Consumer<Map<String, Object>> adapt, Path dir) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = MAPPER.readValue(source.toFile(), LinkedHashMap.class);
        adapt.accept(tree);
        Path out = dir.resolve(source.getFileName());
        MAPPER.writeValue(out.toFile(), tree);
        return out;
    }

    /** functions/<m> whose sources hold the handler class. */
    /** The size of a function module's Lambda package (its jar and target/lambda/lib), if it was built. */
    static Optional<Long> packageBytes(Path module) throws IOException {
        String name = module.getFileName().toString();
        Path jar = module.resolve("target/" + name + ".jar");
        Path lib = module.resolve("target/lambda/lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            return Optional.empty();
        }
        long size = Files.size(jar);
        try (Stream<Path> s = Files.list(lib)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".jar")).toList()) {
                size += Files.size(p);
            }
        }
        return Optional.of(size);
    }

    static Path moduleOf(Path repo, String handlerClass) throws IOException {
        String rel = "src/main/java/" + handlerClass.replace('.', '/') + ".java";
        try (Stream<Path> modules = Files.list(repo.resolve("functions"))) {
            return modules.filter(m -> Files.isRegularFile(m.resolve(rel))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no module holds " + handlerClass));
        }
    }

    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String joinCp(Stream<String> first, String... more) {
        List<String> all = new ArrayList<>(first.toList());
        all.addAll(List.of(more));
        return String.join(File.pathSeparator, all);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }
}
