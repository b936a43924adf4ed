package id.laporwarga.local;

import static id.laporwarga.local.SamTranslator.canonical;
import static id.laporwarga.local.SamTranslator.list;
import static id.laporwarga.local.SamTranslator.map;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.emulators.Intrinsics;
import id.laporwarga.local.SamTranslator.Translated;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * template.yaml through the real SAM transform, checked against what Lambda and the other services refuse at deploy
 * time (cfn-lint does not see these): SnapStart only where Lambda allows it, Lambda's quotas, every explicit name
 * within its service's length and character rules for a 40-character stack name and the longest stage, no name shared
 * by two stages in one account (EventBridge Scheduler names, for one), and the safety net: an alarm for every
 * function's errors and throttles, every dead-letter queue and every stream consumer, and access logs on every API
 * stage. Each rule is also run on a deliberately bad template, so none passes vacuously.
 */
class SamTransformTest {
    /** The longest stack name the names are checked with (40 characters; docs/deploy.md). */
    static final String LONG_STACK_NAME = "lapor-warga-kota-kotamobagu-staging-2026";

    @Test
    void repositoryTemplateStaysWithinTheDeployLimits() {
        String stage = longestStage();
        Translated t = SamTranslator.repository(Map.of("Stage", stage));
        List<String> violations = DeployLimits.check(t, LONG_STACK_NAME, Map.of("Stage", stage));
        assertTrue(violations.isEmpty(), () -> "template.yaml after the SAM transform (stack " + LONG_STACK_NAME
                + ", Stage " + stage + "):\n  " + String.join("\n  ", violations));
    }

    /** samconfig.toml deploys dev, staging and prod into one account: no two of them may claim the same name. */
    @Test
    void twoStagesInOneAccountShareNoName() {
        List<String> stages = SamTranslator.repository(Map.of()).template().parameters().get("Stage").allowedValues();
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            for (int j = i + 1; j < stages.size(); j++) {
                violations.addAll(DeployLimits.sharedNames(
                        stack("lapor-warga-" + stages.get(i), stages.get(i)),
                        stack("lapor-warga-" + stages.get(j), stages.get(j))));
            }
        }
        assertTrue(violations.isEmpty(), () -> "names two stages would both claim:\n  " + String.join("\n  ", violations));
    }

    @Test
    void everyFunctionDeadLetterQueueStreamConsumerAndApiStageIsWatched() {
        List<String> violations = DeployLimits.safetyNet(SamTranslator.repository(Map.of()));
        assertTrue(violations.isEmpty(), () -> "template.yaml safety net:\n  " + String.join("\n  ", violations));
    }

    @Test
    void eachRuleCatchesItsViolation() {
        String bad = """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Stage: { Type: String, Default: dev, AllowedValues: [dev, staging] }
                Globals:
                  Function:
                    Runtime: java21
                    Handler: x.Y::handleRequest
                    CodeUri: s3://bucket/key.zip
                    AutoPublishAlias: live
                    SnapStart: { ApplyOn: PublishedVersions }
                Resources:
                  Export:
                    Type: AWS::Serverless::Function
                    Properties:
                      EphemeralStorage: { Size: 2048 }
                      Timeout: 901
                      Events:
                        Monthly:
                          Type: ScheduleV2
                          Properties: { ScheduleExpression: 'cron(0 3 1 * ? *)' }
                  Node:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: nodejs22.x
                      Handler: index.handler
                      FunctionName: !Sub '${AWS::StackName}-a-function-name-that-is-far-too-long'
                      Events:
                        Stream:
                          Type: DynamoDB
                          Properties: { Stream: !GetAtt Table.StreamArn, StartingPosition: LATEST }
                  Api:
                    Type: AWS::Serverless::HttpApi
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: cases
                      KeySchema: [{ AttributeName: pk, KeyType: HASH }]
                      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]
                      StreamSpecification: { StreamViewType: NEW_IMAGE }
                  Photos:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Sub '${AWS::StackName}-photos-${AWS::AccountId}-${AWS::Region}'
                  Work:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Sub '${AWS::StackName}-work'
                      RedrivePolicy: { deadLetterTargetArn: !GetAtt Dead.Arn, maxReceiveCount: 3 }
                  Dead:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Sub '${Stage}-dead'
                """;
        Translated t = SamTranslator.translate(bad, Map.of("Stage", "staging"));
        List<String> violations = new ArrayList<>(DeployLimits.check(t, LONG_STACK_NAME, Map.of("Stage", "staging")));
        violations.addAll(DeployLimits.sharedNames(
                new Named("s1", SamTranslator.translate(bad, Map.of("Stage", "dev")), Map.of("Stage", "dev")),
                new Named("s2", SamTranslator.translate(bad, Map.of("Stage", "dev")), Map.of("Stage", "dev"))));
        violations.addAll(DeployLimits.safetyNet(t));
        List<String> expected = List.of(
                "Export: SnapStart with EphemeralStorage 2048 MB",
                "Export: Timeout 901",
                "Node: SnapStart on runtime nodejs22.x",
                "Node: FunctionName '" + LONG_STACK_NAME + "-a-function-name-that-is-far-too-long' has 77 characters",
                "Photos: BucketName '" + LONG_STACK_NAME + "-photos-123456789012-ap-southeast-3' has 75 characters",
                "ExportMonthly: Name 'ExportMonthly' is the same in stacks s1 and s2",
                "Dead: QueueName 'dev-dead' is the same in stacks s1 and s2",
                "Table: TableName 'cases' is the same in stacks s1 and s2",
                "Export: no alarm on AWS/Lambda Errors",
                "Export: no alarm on AWS/Lambda Throttles",
                "Node: no alarm on AWS/Lambda Errors",
                "Node: no alarm on AWS/Lambda Throttles",
                "Node: reads a stream (NodeStream) without an alarm on AWS/Lambda IteratorAge",
                "Dead: dead-letter queue without an alarm on ApproximateNumberOfMessagesVisible > 0",
                "ApiApiGatewayDefaultStage: no access logs");
        RuleAssertions.assertExactly(expected, violations);
    }

    private static Named stack(String stackName, String stage) {
        return new Named(stackName, SamTranslator.repository(Map.of("Stage", stage)), Map.of("Stage", stage));
    }

    private static String longestStage() {
        return SamTranslator.repository(Map.of()).template().parameters().get("Stage").allowedValues().stream()
                .max(Comparator.comparingInt(String::length)).orElseThrow();
    }

    /** A translated template deployed as a stack of this name with these parameter values. */
    record Named(String stackName, Translated translated, Map<String, String> parameters) {
    }

    /** The rules, as plain functions of a translated template; each violation starts with the offending logical id. */
    static final class DeployLimits {
        /** Lambda: "SnapStart supports Java 11 and later, Python 3.12 and later, .NET 8 and later" (managed runtimes). */
        private static final Pattern SNAPSTART_RUNTIME = Pattern.compile("java(\\d+)|python3\\.(\\d+)|dotnet(\\d+)");
        private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]*[a-z0-9]");

        /** An explicit name property, its service's limits, and whether it must be unique in an account and region. */
        record NameRule(String type, String property, int max, Pattern pattern, boolean unique) {
            NameRule(String type, String property, int max, String pattern, boolean unique) {
                this(type, property, max, Pattern.compile(pattern), unique);
            }
        }

        static final List<NameRule> NAME_RULES = List.of(
                new NameRule("AWS::Lambda::Function", "FunctionName", 64, "[a-zA-Z0-9_-]+", true),
                new NameRule("AWS::Lambda::Alias", "Name", 128, "[a-zA-Z0-9_-]+", false),
                new NameRule("AWS::IAM::Role", "RoleName", 64, "[\\w+=,.@-]+", true),
                new NameRule("AWS::IAM::ManagedPolicy", "ManagedPolicyName", 128, "[\\w+=,.@-]+", true),
                new NameRule("AWS::Logs::LogGroup", "LogGroupName", 512, "[.\\-_/#A-Za-z0-9]+", true),
                new NameRule("AWS::SQS::Queue", "QueueName", 80, "[A-Za-z0-9_-]+(\\.fifo)?", true),
                new NameRule("AWS::SNS::Topic", "TopicName", 256, "[A-Za-z0-9_-]+(\\.fifo)?", true),
                new NameRule("AWS::Scheduler::Schedule", "Name", 64, "[0-9a-zA-Z_.-]+", true),
                new NameRule("AWS::Events::Rule", "Name", 64, "[.\\-_A-Za-z0-9]+", true),
                new NameRule("AWS::DynamoDB::Table", "TableName", 255, "[a-zA-Z0-9_.-]{3,}", true),
                new NameRule("AWS::S3::Bucket", "BucketName", 63, BUCKET.pattern(), true),
                new NameRule("AWS::Cognito::UserPool", "UserPoolName", 128, "[\\w\\s+=,.@-]+", false),
                new NameRule("AWS::Cognito::UserPoolClient", "ClientName", 128, "[\\w\\s+=,.@-]+", false),
                new NameRule("AWS::Athena::WorkGroup", "Name", 128, "[a-zA-Z0-9._-]+", true),
                new NameRule("AWS::Glue::Database", "DatabaseInput.Name", 255, "[a-z0-9_]+", true),
                new NameRule("AWS::Glue::Table", "TableInput.Name", 255, "[a-z0-9_]+", false),
                new NameRule("AWS::CloudWatch::Alarm", "AlarmName", 255, "[^\\p{Cntrl}]+", true),
                new NameRule("AWS::KMS::Alias", "AliasName", 256, "alias/[a-zA-Z0-9/_-]+", true),
                new NameRule("AWS::WAFv2::WebACL", "Name", 128, "[\\w-]+", true),
                new NameRule("AWS::ApiGatewayV2::Stage", "StageName", 128, "[a-zA-Z0-9._$-]+", false));

        private DeployLimits() {
        }

        static List<String> check(Translated t, String stackName, Map<String, String> parameters) {
            List<String> out = new ArrayList<>();
            lambda(t, out);
            names(t, stackName, parameters, out);
            return out;
        }

        /** SnapStart's documented limits and Lambda's quotas, per function. */
        private static void lambda(Translated t, List<String> out) {
            Map<String, Map<String, Object>> versions = t.ofType("AWS::Lambda::Version");
            Map<String, Map<String, Object>> aliases = t.ofType("AWS::Lambda::Alias");
            t.ofType("AWS::Lambda::Function").forEach((id, p) -> {
                int tmp = number(map(p.get("EphemeralStorage")).get("Size"), 512);
                int timeout = number(p.get("Timeout"), 3);
                int memory = number(p.get("MemorySize"), 128);
                if (tmp < 512 || tmp > 10240) {
                    out.add(id + ": EphemeralStorage " + tmp + " MB (Lambda: 512 to 10,240)");
                }
                if (timeout < 1 || timeout > 900) {
                    out.add(id + ": Timeout " + timeout + " s (Lambda: at most 900)");
                }
                if (memory < 128 || memory > 10240) {
                    out.add(id + ": MemorySize " + memory + " MB (Lambda: 128 to 10,240)");
                }
                if (!"PublishedVersions".equals(map(p.get("SnapStart")).get("ApplyOn"))) {
                    return;
                }
                if (tmp > 512) {
                    out.add(id + ": SnapStart with EphemeralStorage " + tmp + " MB (Lambda refuses SnapStart above 512 MB;"
                            + " keep /tmp at 512 MB or say SnapStart: ApplyOn: None)");
                }
                String runtime = String.valueOf(p.get("Runtime"));
                Matcher m = SNAPSTART_RUNTIME.matcher(runtime);
                boolean supported = m.matches() && (m.group(1) != null ? Integer.parseInt(m.group(1)) >= 11
                        : m.group(2) != null ? Integer.parseInt(m.group(2)) >= 12 : Integer.parseInt(m.group(3)) >= 8);
                if (!supported) {
                    out.add(id + ": SnapStart on runtime " + runtime + " (Lambda: Java 11+, Python 3.12+, .NET 8+)");
                }
                if ("Image".equals(p.get("PackageType"))) {
                    out.add(id + ": SnapStart on a container image (Lambda: managed runtimes only)");
                }
                if (p.get("FileSystemConfigs") != null) {
                    out.add(id + ": SnapStart with Amazon EFS (Lambda refuses it)");
                }
                String ref = "${" + id + "}";
                boolean published = versions.values().stream().anyMatch(v -> ref.equals(canonical(v.get("FunctionName"))));
                if (!published) {
                    out.add(id + ": SnapStart without a published version (AutoPublishAlias): it would never apply");
                }
                aliases.forEach((aliasId, a) -> {
                    if (ref.equals(canonical(a.get("FunctionName"))) && a.get("ProvisionedConcurrencyConfig") != null) {
                        out.add(id + ": SnapStart with provisioned concurrency on " + aliasId + " (Lambda refuses it)");
                    }
                });
            });
        }

        /** Every explicit name, resolved for this stack, within its service's limits; and no two alike per type. */
        private static void names(Translated t, String stackName, Map<String, String> parameters, List<String> out) {
            Map<String, String> seen = new LinkedHashMap<>();
            resolvedNames(new Named(stackName, t, parameters), out).forEach((id, name) -> {
                NameRule rule = name.rule();
                String value = name.value();
                if (value.length() > rule.max()) {
                    out.add(id + ": " + rule.property() + " '" + value + "' has " + value.length() + " characters ("
                            + rule.type() + ": at most " + rule.max() + ")");
                } else if (!rule.pattern().matcher(value).matches()) {
                    out.add(id + ": " + rule.property() + " '" + value + "' is not a valid name (" + rule.pattern() + ")");
                }
                if (rule.type().equals("AWS::S3::Bucket")) {
                    bucketRules(id, value, out);
                }
                String previous = seen.put(rule.type() + " " + value, id);
                if (previous != null && rule.unique()) {
                    out.add(id + ": " + rule.property() + " '" + value + "' is also the name of " + previous);
                }
            });
        }

        /** The S3 naming rules beyond length and characters. */
        private static void bucketRules(String id, String name, List<String> out) {
            if (name.length() < 3 || name.contains("..") || name.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")
                    || name.startsWith("xn--") || name.startsWith("sthree-") || name.startsWith("amzn-s3-demo-")
                    || name.endsWith("-s3alias") || name.endsWith("--ol-s3") || name.endsWith(".mrap")
                    || name.endsWith("--x-s3") || name.endsWith("--table-s3")) {
                out.add(id + ": BucketName '" + name + "' breaks the S3 bucket naming rules");
            }
        }

        /** Names that two stacks in one account and region would both claim. */
        static List<String> sharedNames(Named a, Named b) {
            List<String> out = new ArrayList<>();
            List<String> ignored = new ArrayList<>();
            Map<String, ResolvedName> first = resolvedNames(a, ignored);
            resolvedNames(b, ignored).forEach((id, name) -> {
                ResolvedName other = first.get(id);
                if (other != null && name.rule().unique() && name.value().equals(other.value())) {
                    out.add(id + ": " + name.rule().property() + " '" + name.value() + "' is the same in stacks "
                            + a.stackName() + " and " + b.stackName() + " (" + name.rule().type()
                            + " names are unique per account and region: the second stage would fail)");
                }
            });
            return out;
        }

        record ResolvedName(NameRule rule, String value) {
        }

        /** Logical id to explicit name, resolved as CloudFormation would for this stack (resources without one: none). */
        static Map<String, ResolvedName> resolvedNames(Named stack, List<String> out) {
            Intrinsics resolver = stack.translated().template().resolver(new SamTranslator.Account(stack.stackName(),
                    stack.parameters(), id -> {
                        throw new IllegalArgumentException("depends on the name of " + id);
                    }, (id, attribute) -> {
                        throw new IllegalArgumentException("depends on " + id + "." + attribute);
                    }));
            Map<String, ResolvedName> names = new LinkedHashMap<>();
            for (NameRule rule : NAME_RULES) {
                stack.translated().ofType(rule.type()).forEach((id, p) -> {
                    Object value = p;
                    for (String part : rule.property().split("\\.")) {
                        value = map(value).get(part);
                    }
                    if (value == null) {
                        return;   // CloudFormation generates a name that fits
                    }
                    try {
                        names.put(id, new ResolvedName(rule, resolver.resolveString(value)));
                    } catch (IllegalArgumentException e) {
                        out.add(id + ": " + rule.property() + " cannot be checked: " + e.getMessage());
                    }
                });
            }
            return names;
        }

        /** Alarms on every function, dead-letter queue and stream consumer; access logs on every API stage. */
        static List<String> safetyNet(Translated t) {
            List<String> out = new ArrayList<>();
            Map<String, Map<String, Object>> alarms = t.ofType("AWS::CloudWatch::Alarm");
            for (String fn : t.ofType("AWS::Lambda::Function").keySet()) {
                for (String metric : List.of("Errors", "Throttles")) {
                    if (!alarmed(t, alarms, "AWS/Lambda", metric, "FunctionName", "${" + fn + "}")) {
                        out.add(fn + ": no alarm on AWS/Lambda " + metric + " (with AlarmActions to a topic)");
                    }
                }
            }
            t.ofType("AWS::Lambda::EventSourceMapping").forEach((id, p) -> {
                String source = String.valueOf(canonical(p.get("EventSourceArn")));
                if (source.endsWith(".StreamArn}") || source.contains(":kinesis:")) {
                    String fn = t.functionOf(String.valueOf(canonical(p.get("FunctionName"))));
                    if (!alarmed(t, alarms, "AWS/Lambda", "IteratorAge", "FunctionName", "${" + fn + "}")) {
                        out.add(fn + ": reads a stream (" + id + ") without an alarm on AWS/Lambda IteratorAge");
                    }
                }
            });
            for (String dlq : deadLetterQueues(t)) {
                boolean watched = alarms.values().stream().anyMatch(a -> "AWS/SQS".equals(a.get("Namespace"))
                        && "ApproximateNumberOfMessagesVisible".equals(a.get("MetricName"))
                        && dimension(a, "QueueName", "${" + dlq + ".QueueName}")
                        && number(a.get("Threshold"), -1) == 0 && "GreaterThanThreshold".equals(a.get("ComparisonOperator"))
                        && notifies(t, a));
                if (!watched) {
                    out.add(dlq + ": dead-letter queue without an alarm on ApproximateNumberOfMessagesVisible > 0");
                }
            }
            Map<String, Map<String, Object>> logGroups = t.ofType("AWS::Logs::LogGroup");
            t.ofType("AWS::ApiGatewayV2::Stage").forEach((id, p) -> {
                String destination = String.valueOf(canonical(map(p.get("AccessLogSettings")).get("DestinationArn")));
                Matcher m = Pattern.compile("\\$\\{(\\w+)\\.Arn}").matcher(destination);
                if (!m.matches() || !logGroups.containsKey(m.group(1))) {
                    out.add(id + ": no access logs (AccessLogSettings.DestinationArn: a log group of the template)");
                } else if (logGroups.get(m.group(1)).get("RetentionInDays") == null) {
                    out.add(id + ": access log group " + m.group(1) + " without RetentionInDays");
                }
            });
            return out;
        }

        private static boolean alarmed(Translated t, Map<String, Map<String, Object>> alarms, String namespace,
                                       String metric, String dimension, String value) {
            return alarms.values().stream().anyMatch(a -> namespace.equals(a.get("Namespace"))
                    && metric.equals(a.get("MetricName")) && dimension(a, dimension, value) && notifies(t, a));
        }

        private static boolean dimension(Map<String, Object> alarm, String name, String value) {
            return list(alarm.get("Dimensions")).stream().map(SamTranslator::map)
                    .anyMatch(d -> name.equals(d.get("Name")) && value.equals(canonical(d.get("Value"))));
        }

        /** The alarm's actions include a topic of the template. */
        private static boolean notifies(Translated t, Map<String, Object> alarm) {
            var topics = t.ofType("AWS::SNS::Topic").keySet();
            return list(alarm.get("AlarmActions")).stream().map(a -> String.valueOf(canonical(a)))
                    .anyMatch(a -> topics.stream().anyMatch(topic -> a.equals("${" + topic + "}")));
        }

        /** Queues some queue, subscription, function or schedule sends its failures to. */
        private static List<String> deadLetterQueues(Translated t) {
            List<String> targets = new ArrayList<>();
            t.resources().forEach((id, r) -> collectDeadLetterTargets(map(r).get("Properties"), false, targets));
            List<String> out = new ArrayList<>();
            for (String queue : t.ofType("AWS::SQS::Queue").keySet()) {
                if (targets.stream().anyMatch(x -> x.equals("${" + queue + ".Arn}"))) {
                    out.add(queue);
                }
            }
            return out;
        }

        private static void collectDeadLetterTargets(Object value, boolean inDeadLetterBlock, List<String> out) {
            if (value instanceof Map<?, ?> m) {
                m.forEach((k, v) -> {
                    String key = String.valueOf(k);
                    boolean block = inDeadLetterBlock || key.equals("RedrivePolicy") || key.equals("DeadLetterConfig")
                            || key.equals("OnFailure") || key.equals("DestinationConfig");
                    if (block && (key.equals("deadLetterTargetArn") || key.equals("TargetArn") || key.equals("Arn")
                            || key.equals("Destination"))) {
                        out.add(String.valueOf(canonical(v)));
                    } else {
                        collectDeadLetterTargets(v, block, out);
                    }
                });
            } else if (value instanceof List<?> l) {
                l.forEach(v -> collectDeadLetterTargets(v, inDeadLetterBlock, out));
            }
        }

        private static int number(Object value, int fallback) {
            if (value instanceof Number n) {
                return n.intValue();
            }
            try {
                return value == null ? fallback : Integer.parseInt(Objects.toString(value).trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
    }
}
