package id.laporwarga.local;

import id.laporwarga.emulators.LocalAws;
import id.laporwarga.emulators.ProvisionedStack;
import id.laporwarga.emulators.SamTemplate;
import id.laporwarga.emulators.StackProvisioner;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;

/** What {@code ./lapor-local} prints once the stack is up: what runs where, and commands to paste. */
final class DevStackBanner {
    private DevStackBanner() {
    }

    /** What is running and how to reach it, with commands to paste; {@code startMillis}: how long the start took. */
    static void print(DevStack dev, PrintStream out, long startMillis) {
        LocalAws aws = dev.aws();
        ProvisionedStack stack = dev.stack();
        String baseUrl = dev.baseUrl();
        String region = aws.region();
        String ddb = aws.endpoint("dynamodb").toString();
        String moto = aws.endpoint("s3").toString();
        out.println();
        out.println("Lapor Warga local stack '" + stack.stackName() + "' is up (" + startMillis + " ms)");
        out.println();
        out.println("  HTTP API      " + baseUrl + "   (payload 2.0; routes below)");
        out.println("  DynamoDB      " + ddb + (aws.isExternal() ? "" : "   (DynamoDB Local, in memory)"));
        out.println("  S3, SNS, SQS  " + moto + (aws.isExternal() ? "" : "   (moto_server, in memory; log: "
                + aws.motoLog() + ")"));
        out.println("  region " + region + ", account " + aws.accountId() + ", keys test/test");
        out.println();
        out.println("Resources:");
        stack.resources().forEach((id, p) -> {
            if (p.emulated()) {
                out.printf("  %-34s %-18s %s%n", id, p.type().replace("AWS::", ""), p.ref());
            }
        });
        if (!stack.skippedResources().isEmpty()) {
            out.println("  (not emulated: " + String.join(", ", stack.skippedResources()) + ")");
        }
        out.println();
        out.println("Functions:");
        for (SamTemplate.Function f : stack.template().functions()) {
            String state = dev.functions().containsKey(f.logicalId()) ? "running"
                    : "NOT RUNNING: " + dev.missingFunctions().get(f.logicalId());
            out.printf("  %-34s %s%n", f.logicalId(), state);
        }
        out.println();
        out.println("Routes:");
        for (HttpRoute r : dev.routes().routes()) {
            out.printf("  %-45s -> %s%s%n", r.routeKey(), r.functionLogicalId(),
                    r.authorizer() == null ? "" : "   [authorizer " + r.authorizer() + "]");
        }
        if (!dev.eventSources().isEmpty()) {
            out.println();
            out.println("SQS event sources (failed messages return after " + dev.options().retryVisibilitySeconds()
                    + " s):");
            dev.eventSources().forEach(s -> out.println("  " + s.description()));
        }
        if (!dev.streamSources().isEmpty()) {
            out.println();
            out.println("DynamoDB stream event sources (polled every " + dev.options().streamPollMillis() + " ms):");
            dev.streamSources().forEach(s -> out.println("  " + s.description()));
        }
        if (!dev.schedules().schedules().isEmpty()) {
            out.println();
            out.println("Schedules (run now: curl -X POST " + baseUrl + "/_local/schedules/<Function>"
                    + "  [-d '<JSON input instead of the schedule's Input>']):");
            boolean timers = dev.options().runSchedules();
            dev.schedules().schedules().forEach(s -> out.println("  " + s.functionLogicalId() + "." + s.event().name()
                    + "  " + s.expression() + (timers && Schedules.rate(s.expression()) != null ? "  (timer)"
                    : "  (on demand)")));
        }
        if (!dev.onboardedTenants().isEmpty()) {
            out.println();
            out.println("Onboarded sample tenants: " + String.join(", ", dev.onboardedTenants()));
        }
        out.println();
        out.println("Try:");
        out.println("  curl -s " + baseUrl + "/v1/tenants");
        out.println("  curl -s " + baseUrl + "/_local/functions");
        out.println("  curl -s " + baseUrl + "/_local/messages           # the SMS and e-mails citizens and officials got");
        out.println("  curl -s -X POST " + baseUrl + "/_local/clock -d '{\"advance\":\"PT49H\"}'"
                + "   # move the functions' clock, then run EscalationFunction");
        out.println();
        out.println("AWS CLI (DynamoDB Local keeps tables per access key and region, so use exactly these):");
        out.println("  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=" + region);
        Set<String> polled = new HashSet<>();
        dev.eventSources().forEach(s -> polled.add(s.queueUrl()));
        stack.resources().values().forEach(p -> {
            switch (p.type()) {
                case StackProvisioner.TABLE -> out.println("  aws --endpoint-url " + ddb + " dynamodb scan --table-name "
                        + p.ref() + " --region " + region);
                case StackProvisioner.BUCKET -> out.println("  aws --endpoint-url " + moto + " s3 ls s3://" + p.ref()
                        + " --recursive --region " + region);
                // a receive on a queue that a function polls would hide its messages from that function (for the
                // queue's visibility timeout): count those; peek at the others (DLQs, dashboards) without hiding
                case StackProvisioner.QUEUE -> out.println("  aws --endpoint-url " + moto + (polled.contains(p.ref())
                        ? " sqs get-queue-attributes --attribute-names ApproximateNumberOfMessages "
                        + "ApproximateNumberOfMessagesNotVisible --queue-url "
                        : " sqs receive-message --visibility-timeout 0 --max-number-of-messages 10 "
                        + "--attribute-names All --queue-url ") + p.ref() + " --region " + region);
                default -> {
                }
            }
        });
        out.println("  aws --endpoint-url " + moto + " sns list-subscriptions --region " + region);
        out.println();
        out.println("Ctrl-C stops everything; so does  kill -TERM " + ProcessHandle.current().pid()
                + "  (a shell ignores Ctrl-C/SIGINT for jobs started with '&').");
        out.flush();
    }
}
