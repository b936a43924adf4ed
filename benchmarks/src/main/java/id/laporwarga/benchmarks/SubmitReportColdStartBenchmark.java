package id.laporwarga.benchmarks;

import id.laporwarga.emulators.LocalAws;
import id.laporwarga.emulators.ProvisionedStack;
import id.laporwarga.emulators.SamTemplate;
import id.laporwarga.emulators.SampleTenants;
import id.laporwarga.emulators.StackProvisioner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fresh-JVM time to first response of submit-report versus a bare SDK PutItem function, measured in the same run
 * against the same emulators, plus the AWS calls one cold submit makes. Targets: ratio ≤ 1.3, calls ≤
 * {@link #CALLS_TARGET}.
 *
 * <p>Run: {@code ./lapor-bench submit-cold-start [rounds=5]}; {@code --smoke}: one round, without the unmeasured
 * warm-up run.
 */
public final class SubmitReportColdStartBenchmark {
    static final double RATIO_TARGET = 1.3;
    /**
     * A cold container's first submit makes seven calls: the national index ({@code GetItem}), the tenant's document
     * item ({@code GetItem}) and its boundary file (S3 {@code GetObject}) (docs/tenants.md); the
     * {@code GetSecretValue} of the key that derives reporters' secrets (no secret is stored); then the idempotency
     * check and the write (one transaction); and the duplicates lookup offered on submission (issue 15): one
     * {@code Query} of the {@code ByCell} index (the category's open complaints in the tenant's window, with their grid
     * cells), plus a {@code BatchGetItem} only when some lie in the cells near the point (none on an empty table). The first four are once per container (the first three per tenant); warm submits of a
     * touched tenant make the last three only. (The tenancy work alone needed 5, the reporter-secret work alone 4:
     * each added one call to the 3 before them.)
     */
    static final int CALLS_TARGET = 7;

    private SubmitReportColdStartBenchmark() {
    }

    public static void main(String[] args) {
        Bench.run(args, SubmitReportColdStartBenchmark::run);
    }

    private static int run(boolean smoke, String[] args) throws Exception {
        int rounds = smoke ? 1 : args.length > 0 ? Integer.parseInt(args[0]) : 5;
        SamTemplate template = SamTemplate.load(SamTemplate.findRepositoryTemplate());
        Path event = template.path().getParent().resolve("events/http-submit-report.json");
        try (LocalAws aws = LocalAws.start()) {
            ProvisionedStack stack = StackProvisioner.provision(template, "bench-cold", aws);
            SampleTenants.onboard(stack, SampleTenants.KOTAMOBAGU);
            Map<String, String> env = stack.functionEnvironment("SubmitReportFunction");

            if (!smoke) {
                // one unmeasured run of each warms the OS page cache and the emulators
                ColdStart.run(BarePutItemFunction.class, env);
                ColdStart.run(SubmitReportColdInvoke.class, env, event.toString());
            }

            List<Long> bare = new ArrayList<>();
            List<Long> submit = new ArrayList<>();
            String calls = "?";
            String byOperation = "?";
            for (int i = 0; i < rounds; i++) {
                bare.add(ColdStart.run(BarePutItemFunction.class, env).millis());
                ColdStart.Run run = ColdStart.run(SubmitReportColdInvoke.class, env, event.toString());
                submit.add(run.millis());
                calls = ColdStart.lineStartingWith(run.output(), "awsCalls=");
                byOperation = ColdStart.lineStartingWith(run.output(), "awsCallsByOperation=");
            }
            long bareMedian = ColdStart.median(bare);
            long submitMedian = ColdStart.median(submit);
            double ratio = (double) submitMedian / bareMedian;
            int awsCalls = Integer.parseInt(calls);
            System.out.println("submit-report cold start (fresh JVM to first response, median of " + rounds + ")");
            System.out.printf(Locale.ROOT, "  bare SDK PutItem function : %5d ms  %s%n", bareMedian, bare);
            System.out.printf(Locale.ROOT, "  submit-report handler     : %5d ms  %s%n", submitMedian, submit);
            System.out.printf(Locale.ROOT, "  ratio                     : %5.2fx  (target <= %.2fx: %s)%n", ratio,
                    RATIO_TARGET, ratio <= RATIO_TARGET ? "met" : "NOT met");
            System.out.printf(Locale.ROOT, "  AWS calls per cold submit : %5d     (target <= %d: %s) %s%n", awsCalls,
                    CALLS_TARGET, awsCalls <= CALLS_TARGET ? "met" : "NOT met", byOperation);
            Bench.figure("submit-cold-start.bareMs", bareMedian, "ms");
            Bench.figure("submit-cold-start.functionMs", submitMedian, "ms");
            Bench.figure("submit-cold-start.ratio", ratio, "x");
            Bench.figure("submit-cold-start.awsCalls", awsCalls, "calls");
        }
        return 0;
    }
}
