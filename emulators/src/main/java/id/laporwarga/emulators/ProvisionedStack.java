package id.laporwarga.emulators;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resources of a template as created on the emulators by {@link StackProvisioner}: physical ids by logical id,
 * intrinsic resolution against them, and each function's environment as the local runner and tests should give it.
 */
public final class ProvisionedStack {
    /** A created (or, for types without an emulator, merely named) resource. */
    public record Physical(String logicalId, String type, String ref, Map<String, String> attributes,
                           boolean emulated) {
    }

    private final SamTemplate template;
    private final String stackName;
    private final LocalAws aws;
    private final Map<String, String> parameterOverrides;
    private final Map<String, Physical> physical = new ConcurrentHashMap<>();
    private final List<String> provisioned = Collections.synchronizedList(new ArrayList<>());
    private final List<String> skipped = Collections.synchronizedList(new ArrayList<>());
    private final Intrinsics resolver;

    ProvisionedStack(SamTemplate template, String stackName, LocalAws aws, Map<String, String> parameterOverrides) {
        this.template = template;
        this.stackName = stackName;
        this.aws = aws;
        this.parameterOverrides = Map.copyOf(parameterOverrides);
        this.resolver = template.resolver(new Intrinsics.Context() {
            @Override
            public String stackName() {
                return stackName;
            }

            @Override
            public String region() {
                return aws.region();
            }

            @Override
            public String accountId() {
                return aws.accountId();
            }

            @Override
            public Map<String, String> parameterOverrides() {
                return ProvisionedStack.this.parameterOverrides;
            }

            @Override
            public String ref(String logicalId) {
                return physicalOrPlaceholder(logicalId).ref();
            }

            @Override
            public String attribute(String logicalId, String attribute) {
                return ProvisionedStack.this.attribute(logicalId, attribute);
            }
        });
    }

    public SamTemplate template() {
        return template;
    }

    public String stackName() {
        return stackName;
    }

    public LocalAws aws() {
        return aws;
    }

    public String region() {
        return aws.region();
    }

    public String accountId() {
        return aws.accountId();
    }

    /** Parameter values in force (template defaults and overrides). */
    public Map<String, String> parameters() {
        return resolver.parameters();
    }

    /** Resolves intrinsics in any template value against this stack. */
    public synchronized Object resolve(Object value) {
        return resolver.resolve(value);
    }

    public synchronized String resolveString(Object value) {
        return resolver.resolveString(value);
    }

    /** What {@code Ref} of the resource gives: table name, queue URL, topic ARN, bucket name, ... */
    public String physicalId(String logicalId) {
        return physicalOrPlaceholder(logicalId).ref();
    }

    /** What {@code Fn::GetAtt logicalId.attribute} gives. */
    public String attribute(String logicalId, String attribute) {
        Physical p = physicalOrPlaceholder(logicalId);
        String v = p.attributes().get(attribute);
        if (v != null) {
            return v;
        }
        if (p.emulated()) {
            throw new IllegalArgumentException("Fn::GetAtt " + logicalId + "." + attribute + ": " + p.type()
                    + " has no attribute " + attribute + " here; known: " + p.attributes().keySet());
        }
        return placeholderAttribute(logicalId, p, attribute);
    }

    public String table(String logicalId) {
        return ofType(logicalId, StackProvisioner.TABLE).ref();
    }

    public String tableArn(String logicalId) {
        return ofType(logicalId, StackProvisioner.TABLE).attributes().get("Arn");
    }

    public String queueUrl(String logicalId) {
        return ofType(logicalId, StackProvisioner.QUEUE).ref();
    }

    public String queueArn(String logicalId) {
        return ofType(logicalId, StackProvisioner.QUEUE).attributes().get("Arn");
    }

    public String queueName(String logicalId) {
        return ofType(logicalId, StackProvisioner.QUEUE).attributes().get("QueueName");
    }

    public String topicArn(String logicalId) {
        return ofType(logicalId, StackProvisioner.TOPIC).ref();
    }

    public String bucket(String logicalId) {
        return ofType(logicalId, StackProvisioner.BUCKET).ref();
    }

    /** The URL of the provisioned queue with this ARN (what an SQS event source mapping polls). */
    public Optional<String> queueUrlForArn(String arn) {
        return physical.values().stream()
                .filter(p -> StackProvisioner.QUEUE.equals(p.type()) && arn.equals(p.attributes().get("Arn")))
                .map(Physical::ref).findFirst();
    }

    /** Logical id of the provisioned queue with this URL or ARN. */
    public Optional<String> queueLogicalId(String urlOrArn) {
        return physical.values().stream()
                .filter(p -> StackProvisioner.QUEUE.equals(p.type())
                        && (urlOrArn.equals(p.ref()) || urlOrArn.equals(p.attributes().get("Arn"))))
                .map(Physical::logicalId).findFirst();
    }

    /**
     * The environment of a function as the local runner and tests give it: the template's variables (Globals merged
     * with the function's, resolved), plus {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code _S3}, {@code _SNS},
     * {@code _SQS}, {@code AWS_REGION} and the static keys {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}.
     * {@code AWS_LAMBDA_FUNCTION_NAME} is deliberately not set (the platform then uses the static keys).
     */
    public synchronized Map<String, String> functionEnvironment(String functionLogicalId) {
        SamTemplate.Function f = template.function(functionLogicalId);
        Map<String, String> env = new LinkedHashMap<>(resolver.resolveEnvironment(f));
        env.putAll(aws.clientEnvironment());
        env.remove("AWS_LAMBDA_FUNCTION_NAME");
        return env;
    }

    /** The template's Outputs, resolved (placeholders for resources without an emulator). */
    public synchronized Map<String, String> outputs() {
        Map<String, String> out = new LinkedHashMap<>();
        template.outputs().forEach((name, v) -> {
            if (v instanceof Map<?, ?> m && m.get("Value") != null) {
                out.put(name, resolver.resolveString(m.get("Value")));
            }
        });
        return out;
    }

    /** Every resource with a physical id (created or named), by logical id. */
    public Map<String, Physical> resources() {
        Map<String, Physical> out = new LinkedHashMap<>();
        template.resources().keySet().forEach(id -> {
            Physical p = physical.get(id);
            if (p != null) {
                out.put(id, p);
            }
        });
        return out;
    }

    /** Logical ids created on the emulators, in creation order. */
    public List<String> provisionedResources() {
        return List.copyOf(provisioned);
    }

    /** Logical ids left out (no emulator meaning, or condition false). */
    public List<String> skippedResources() {
        return List.copyOf(skipped);
    }

    // ------------------------------------------------------------------ used by StackProvisioner

    void put(Physical p) {
        physical.put(p.logicalId(), p);
        if (p.emulated() && !provisioned.contains(p.logicalId())) {
            provisioned.add(p.logicalId());
        }
    }

    void skipped(String logicalId) {
        if (!skipped.contains(logicalId)) {
            skipped.add(logicalId);
        }
    }

    Intrinsics resolver() {
        return resolver;
    }

    private Physical ofType(String logicalId, String type) {
        Physical p = physical.get(logicalId);
        if (p == null) {
            throw new IllegalArgumentException("no provisioned resource " + logicalId + "; provisioned: "
                    + provisioned);
        }
        if (!type.equals(p.type())) {
            throw new IllegalArgumentException(logicalId + " is a " + p.type() + ", not a " + type);
        }
        return p;
    }

    private Physical physicalOrPlaceholder(String logicalId) {
        Physical p = physical.get(logicalId);
        if (p != null) {
            return p;
        }
        SamTemplate.Resource r = template.resource(logicalId);
        if (StackProvisioner.isEmulated(r.type())) {
            throw new IllegalStateException(logicalId + " (" + r.type() + ") is referenced before it was provisioned");
        }
        // no emulator meaning: a stable name in CloudFormation's style (stack-LogicalId), as Ref would give
        return new Physical(logicalId, r.type(), placeholderRef(r), Map.of(), false);
    }

    private String placeholderRef(SamTemplate.Resource r) {
        return switch (r.type()) {
            case "AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api" -> "local" + Integer.toHexString(
                    (stackName + r.logicalId()).hashCode() & 0xfffffff);
            case "AWS::Serverless::Function", "AWS::Lambda::Function" -> StackProvisioner.generatedName(stackName,
                    r.logicalId(), 64);
            default -> StackProvisioner.generatedName(stackName, r.logicalId(), 128);
        };
    }

    private String placeholderAttribute(String logicalId, Physical p, String attribute) {
        String region = aws.region();
        String account = aws.accountId();
        String name = p.ref();
        return switch (p.type() + "." + attribute) {
            case "AWS::Serverless::Function.Arn", "AWS::Lambda::Function.Arn" ->
                    "arn:aws:lambda:" + region + ":" + account + ":function:" + name;
            case "AWS::IAM::Role.Arn" -> "arn:aws:iam::" + account + ":role/" + name;
            case "AWS::Logs::LogGroup.Arn" -> "arn:aws:logs:" + region + ":" + account + ":log-group:" + name + ":*";
            case "AWS::Events::Rule.Arn" -> "arn:aws:events:" + region + ":" + account + ":rule/" + name;
            default -> "local-" + name + "." + attribute.toLowerCase(Locale.ROOT);
        };
    }
}
