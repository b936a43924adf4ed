package id.laporwarga.emulators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.NotificationConfigurationFilter;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.TopicConfiguration;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Creates on the emulators what a template declares, in dependency order (DependsOn plus every Ref, Fn::GetAtt and
 * ${...} reference) and idempotently (provisioning twice changes nothing and fails on nothing):
 * {@code AWS::DynamoDB::Table} (keys, GSIs, LSIs, streams, TTL; always PAY_PER_REQUEST), {@code AWS::SQS::Queue}
 * (attributes incl. RedrivePolicy), {@code AWS::SQS::QueuePolicy}, {@code AWS::SNS::Topic} (with inline
 * {@code Subscription}), {@code AWS::SNS::Subscription} (FilterPolicy, FilterPolicyScope, RawMessageDelivery, ...),
 * {@code AWS::SNS::TopicPolicy}, {@code AWS::S3::Bucket} (CORS, versioning, queue and topic notifications),
 * {@code AWS::SecretsManager::Secret} ({@code SecretString}, or a random one for {@code GenerateSecretString}; Ref is
 * the ARN),
 * {@code AWS::Cognito::UserPool} (name, username attributes, custom attributes; on moto).
 * Other types have no emulator meaning and are skipped (logged once); their Ref gives a stable placeholder.
 *
 * <p>Names: the template's name property if set, else CloudFormation's style {@code <stack>-<LogicalId>} (without
 * the random suffix). Stack names should be lower case: templates build bucket names from them.
 */
public final class StackProvisioner {
    public static final String TABLE = "AWS::DynamoDB::Table";
    public static final String QUEUE = "AWS::SQS::Queue";
    public static final String QUEUE_POLICY = "AWS::SQS::QueuePolicy";
    public static final String TOPIC = "AWS::SNS::Topic";
    public static final String SUBSCRIPTION = "AWS::SNS::Subscription";
    public static final String TOPIC_POLICY = "AWS::SNS::TopicPolicy";
    public static final String BUCKET = "AWS::S3::Bucket";
    public static final String SECRET = "AWS::SecretsManager::Secret";
    public static final String USER_POOL = "AWS::Cognito::UserPool";
    private static final Set<String> EMULATED = Set.of(TABLE, QUEUE, QUEUE_POLICY, TOPIC, SUBSCRIPTION, TOPIC_POLICY,
            BUCKET, SECRET, USER_POOL);
    private static final Pattern STACK_NAME = Pattern.compile("[a-zA-Z][-a-zA-Z0-9]{0,127}");
    private static final System.Logger LOG = System.getLogger(StackProvisioner.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private StackProvisioner() {
    }

    public static boolean isEmulated(String type) {
        return EMULATED.contains(type);
    }

    public static ProvisionedStack provision(SamTemplate template, String stackName, LocalAws aws) {
        return provision(template, stackName, aws, Map.of());
    }

    /** Provisions with parameter overrides (the rest take the template's defaults). */
    public static ProvisionedStack provision(SamTemplate template, String stackName, LocalAws aws,
                                             Map<String, String> parameterOverrides) {
        if (!STACK_NAME.matcher(stackName).matches()) {
            throw new IllegalArgumentException("invalid stack name " + stackName + " (letters, digits and '-', "
                    + "starting with a letter)");
        }
        ProvisionedStack stack = new ProvisionedStack(template, stackName, aws, parameterOverrides);
        Map<String, List<String>> skippedByType = new TreeMap<>();
        for (String id : order(template)) {
            SamTemplate.Resource r = template.resource(id);
            if (r.condition() != null && !stack.resolver().condition(r.condition())) {
                stack.skipped(id);
                skippedByType.computeIfAbsent("(condition false)", k -> new ArrayList<>()).add(id);
                continue;
            }
            if (!isEmulated(r.type())) {
                stack.skipped(id);
                skippedByType.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(id);
                continue;
            }
            try {
                create(stack, r, aws);
            } catch (RuntimeException e) {
                throw new IllegalStateException("provisioning " + id + " (" + r.type() + ") of stack " + stackName
                        + " failed: " + e.getMessage(), e);
            }
        }
        if (!skippedByType.isEmpty()) {
            LOG.log(Level.INFO, "stack " + stackName + ": no emulator meaning, skipped: " + skippedByType);
        }
        return stack;
    }

    /** Logical ids in an order where every resource comes after what it depends on (declaration order otherwise). */
    static List<String> order(SamTemplate template) {
        Map<String, Set<String>> deps = new LinkedHashMap<>();
        template.resources().values().forEach(r -> {
            Set<String> d = new LinkedHashSet<>(r.dependsOn());
            d.addAll(template.references(r.properties()));
            d.remove(r.logicalId());
            for (String x : d) {
                if (!template.resources().containsKey(x)) {
                    throw new IllegalArgumentException(r.logicalId() + " depends on unknown resource " + x);
                }
            }
            deps.put(r.logicalId(), d);
        });
        List<String> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String id : deps.keySet()) {
            visit(id, deps, done, visiting, out, new ArrayDeque<>());
        }
        return out;
    }

    private static void visit(String id, Map<String, Set<String>> deps, Set<String> done, Set<String> visiting,
                              List<String> out, Deque<String> path) {
        if (done.contains(id)) {
            return;
        }
        path.addLast(id);
        if (!visiting.add(id)) {
            throw new IllegalArgumentException("circular dependency between resources: " + String.join(" -> ", path));
        }
        for (String d : deps.get(id)) {
            visit(d, deps, done, visiting, out, path);
        }
        visiting.remove(id);
        path.removeLast();
        done.add(id);
        out.add(id);
    }

    private static void create(ProvisionedStack stack, SamTemplate.Resource r, LocalAws aws) {
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) stack.resolve(r.properties());
        switch (r.type()) {
            case TABLE -> table(stack, r.logicalId(), p, aws.dynamoDb());
            case QUEUE -> queue(stack, r.logicalId(), p, aws.sqs());
            case QUEUE_POLICY -> {
                String policy = json(p.get("PolicyDocument"));
                for (Object q : list(p.get("Queues"))) {
                    aws.sqs().setQueueAttributes(b -> b.queueUrl(String.valueOf(q))
                            .attributes(Map.of(QueueAttributeName.POLICY, policy)));
                }
                stack.put(new ProvisionedStack.Physical(r.logicalId(), r.type(),
                        generatedName(stack.stackName(), r.logicalId(), 128), Map.of(), true));
            }
            case TOPIC -> topic(stack, r.logicalId(), p, aws.sns());
            case SUBSCRIPTION -> {
                String arn = subscribe(aws.sns(), str(p.get("TopicArn")), str(p.get("Protocol")), str(p.get("Endpoint")),
                        subscriptionAttributes(p));
                stack.put(new ProvisionedStack.Physical(r.logicalId(), r.type(), arn, Map.of(), true));
            }
            case TOPIC_POLICY -> {
                String policy = json(p.get("PolicyDocument"));
                for (Object t : list(p.get("Topics"))) {
                    aws.sns().setTopicAttributes(b -> b.topicArn(String.valueOf(t)).attributeName("Policy")
                            .attributeValue(policy));
                }
                stack.put(new ProvisionedStack.Physical(r.logicalId(), r.type(),
                        generatedName(stack.stackName(), r.logicalId(), 128), Map.of(), true));
            }
            case BUCKET -> bucket(stack, r.logicalId(), p, aws);
            case SECRET -> secret(stack, r.logicalId(), p, aws);
            case USER_POOL -> userPool(stack, r.logicalId(), p, aws.cognito());
            default -> throw new IllegalStateException("unexpected type " + r.type());
        }
    }

    // ------------------------------------------------------------------ DynamoDB

    private static void table(ProvisionedStack stack, String id, Map<String, Object> p, DynamoDbClient ddb) {
        String name = p.get("TableName") != null ? str(p.get("TableName"))
                : generatedName(stack.stackName(), id, 255);
        TableDescription table = describe(ddb, name);
        if (table == null) {
            CreateTableRequest.Builder req = CreateTableRequest.builder().tableName(name)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(maps(p.get("AttributeDefinitions")).stream().map(a -> AttributeDefinition
                            .builder().attributeName(str(a.get("AttributeName")))
                            .attributeType(str(a.get("AttributeType"))).build()).toList())
                    .keySchema(keySchema(p.get("KeySchema")));
            List<GlobalSecondaryIndex> gsis = maps(p.get("GlobalSecondaryIndexes")).stream().map(g ->
                    GlobalSecondaryIndex.builder().indexName(str(g.get("IndexName")))
                            .keySchema(keySchema(g.get("KeySchema"))).projection(projection(g.get("Projection")))
                            .build()).toList();
            if (!gsis.isEmpty()) {
                req.globalSecondaryIndexes(gsis);
            }
            List<LocalSecondaryIndex> lsis = maps(p.get("LocalSecondaryIndexes")).stream().map(g ->
                    LocalSecondaryIndex.builder().indexName(str(g.get("IndexName")))
                            .keySchema(keySchema(g.get("KeySchema"))).projection(projection(g.get("Projection")))
                            .build()).toList();
            if (!lsis.isEmpty()) {
                req.localSecondaryIndexes(lsis);
            }
            if (p.get("StreamSpecification") instanceof Map<?, ?> s && s.get("StreamViewType") != null) {
                req.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                        .streamViewType(str(s.get("StreamViewType"))).build());
            }
            try {
                table = ddb.createTable(req.build()).tableDescription();
            } catch (ResourceInUseException e) {
                table = describe(ddb, name);
            }
            ddb.waiter().waitUntilTableExists(b -> b.tableName(name));
        }
        if (p.get("TimeToLiveSpecification") instanceof Map<?, ?> ttl && Boolean.parseBoolean(str(ttl.get("Enabled")))) {
            String attribute = str(ttl.get("AttributeName"));
            var current = ddb.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
            if (current == null || current.timeToLiveStatus() != TimeToLiveStatus.ENABLED) {
                ddb.updateTimeToLive(b -> b.tableName(name)
                        .timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true)));
            }
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("Arn", table.tableArn() != null ? table.tableArn()
                : "arn:aws:dynamodb:" + stack.region() + ":" + stack.accountId() + ":table/" + name);
        if (table.latestStreamArn() != null) {
            attrs.put("StreamArn", table.latestStreamArn());
        }
        stack.put(new ProvisionedStack.Physical(id, TABLE, name, attrs, true));
    }

    private static TableDescription describe(DynamoDbClient ddb, String name) {
        try {
            return ddb.describeTable(b -> b.tableName(name)).table();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    private static List<KeySchemaElement> keySchema(Object value) {
        return maps(value).stream().map(k -> KeySchemaElement.builder().attributeName(str(k.get("AttributeName")))
                .keyType(str(k.get("KeyType"))).build()).toList();
    }

    private static Projection projection(Object value) {
        Map<String, Object> p = value instanceof Map<?, ?> ? castMap(value) : Map.of();
        Projection.Builder b = Projection.builder().projectionType(p.get("ProjectionType") == null ? "ALL"
                : str(p.get("ProjectionType")));
        List<Object> nonKey = list(p.get("NonKeyAttributes"));
        if (!nonKey.isEmpty()) {
            b.nonKeyAttributes(nonKey.stream().map(String::valueOf).toList());
        }
        return b.build();
    }

    // ------------------------------------------------------------------ SQS

    private static final List<String> QUEUE_ATTRIBUTES = List.of("DelaySeconds", "MaximumMessageSize",
            "MessageRetentionPeriod", "ReceiveMessageWaitTimeSeconds", "VisibilityTimeout", "RedrivePolicy",
            "RedriveAllowPolicy", "FifoQueue", "ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit",
            "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled");

    private static void queue(ProvisionedStack stack, String id, Map<String, Object> p, SqsClient sqs) {
        boolean fifo = Boolean.parseBoolean(String.valueOf(p.get("FifoQueue")));
        String name = p.get("QueueName") != null ? str(p.get("QueueName"))
                : generatedName(stack.stackName(), id, fifo ? 75 : 80) + (fifo ? ".fifo" : "");
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String a : QUEUE_ATTRIBUTES) {
            Object v = p.get(a);
            if (v != null) {
                attributes.put(a, v instanceof Map || v instanceof List ? json(v) : String.valueOf(v));
            }
        }
        String url;
        try {
            url = sqs.createQueue(b -> b.queueName(name).attributesWithStrings(attributes)).queueUrl();
        } catch (QueueNameExistsException e) {
            url = existingQueue(sqs, name, attributes);
        } catch (SqsException e) {
            if (e.awsErrorDetails() == null || !String.valueOf(e.awsErrorDetails().errorCode()).contains("QueueAlreadyExists")) {
                throw e;
            }
            url = existingQueue(sqs, name, attributes);
        }
        String queueUrl = url;
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("Arn", arn);
        attrs.put("QueueName", name);
        attrs.put("QueueUrl", queueUrl);
        stack.put(new ProvisionedStack.Physical(id, QUEUE, queueUrl, attrs, true));
    }

    private static String existingQueue(SqsClient sqs, String name, Map<String, String> attributes) {
        String url = sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
        Map<String, String> changeable = new HashMap<>(attributes);
        changeable.remove("FifoQueue");
        if (!changeable.isEmpty()) {
            sqs.setQueueAttributes(b -> b.queueUrl(url).attributesWithStrings(changeable));
        }
        return url;
    }

    // ------------------------------------------------------------------ SNS

    private static void topic(ProvisionedStack stack, String id, Map<String, Object> p, SnsClient sns) {
        boolean fifo = Boolean.parseBoolean(String.valueOf(p.get("FifoTopic")));
        String name = p.get("TopicName") != null ? str(p.get("TopicName"))
                : generatedName(stack.stackName(), id, fifo ? 251 : 256) + (fifo ? ".fifo" : "");
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String a : List.of("DisplayName", "KmsMasterKeyId", "FifoTopic", "ContentBasedDeduplication",
                "SignatureVersion", "TracingConfig")) {
            if (p.get(a) != null) {
                attributes.put(a, String.valueOf(p.get(a)));
            }
        }
        String arn;
        try {
            arn = sns.createTopic(b -> b.name(name).attributes(attributes)).topicArn();
        } catch (software.amazon.awssdk.services.sns.model.InvalidParameterException e) {
            // exists with other attributes: create (idempotent without attributes), then set them one by one
            arn = sns.createTopic(b -> b.name(name).attributes(fifo ? Map.of("FifoTopic", "true") : Map.of()))
                    .topicArn();
            String topicArn = arn;
            attributes.forEach((k, v) -> {
                if (!"FifoTopic".equals(k)) {
                    sns.setTopicAttributes(b -> b.topicArn(topicArn).attributeName(k).attributeValue(v));
                }
            });
        }
        for (Map<String, Object> s : maps(p.get("Subscription"))) {
            subscribe(sns, arn, str(s.get("Protocol")), str(s.get("Endpoint")), Map.of());
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("TopicArn", arn);
        attrs.put("TopicName", name);
        stack.put(new ProvisionedStack.Physical(id, TOPIC, arn, attrs, true));
    }

    private static Map<String, String> subscriptionAttributes(Map<String, Object> p) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String a : List.of("FilterPolicy", "FilterPolicyScope", "RawMessageDelivery", "RedrivePolicy",
                "DeliveryPolicy", "SubscriptionRoleArn", "ReplayPolicy")) {
            Object v = p.get(a);
            if (v != null) {
                out.put(a, v instanceof Map || v instanceof List ? json(v) : String.valueOf(v));
            }
        }
        return out;
    }

    /** Subscribes, or updates the attributes of the existing subscription with the same protocol and endpoint. */
    static String subscribe(SnsClient sns, String topicArn, String protocol, String endpoint,
                            Map<String, String> attributes) {
        for (Subscription s : sns.listSubscriptionsByTopicPaginator(b -> b.topicArn(topicArn)).subscriptions()) {
            if (protocol.equalsIgnoreCase(s.protocol()) && endpoint.equals(s.endpoint())
                    && s.subscriptionArn() != null && s.subscriptionArn().startsWith("arn:")) {
                attributes.forEach((k, v) -> sns.setSubscriptionAttributes(b -> b.subscriptionArn(s.subscriptionArn())
                        .attributeName(k).attributeValue(v)));
                return s.subscriptionArn();
            }
        }
        return sns.subscribe(b -> b.topicArn(topicArn).protocol(protocol.toLowerCase(Locale.ROOT)).endpoint(endpoint)
                .attributes(attributes).returnSubscriptionArn(true)).subscriptionArn();
    }

    // ------------------------------------------------------------------ S3

    private static void bucket(ProvisionedStack stack, String id, Map<String, Object> p, LocalAws aws) {
        S3Client s3 = aws.s3();
        String name = p.get("BucketName") != null ? str(p.get("BucketName"))
                : generatedName(stack.stackName(), id, 63).toLowerCase(Locale.ROOT);
        try {
            s3.createBucket(b -> {
                b.bucket(name);
                if (!"us-east-1".equals(aws.region())) {
                    b.createBucketConfiguration(c -> c.locationConstraint(aws.region()));
                }
            });
        } catch (BucketAlreadyOwnedByYouException e) {
            // idempotent
        } catch (S3Exception e) {
            if (e.awsErrorDetails() == null || !"BucketAlreadyExists".equals(e.awsErrorDetails().errorCode())) {
                throw e;
            }
        }
        if (p.get("VersioningConfiguration") instanceof Map<?, ?> v && v.get("Status") != null) {
            s3.putBucketVersioning(b -> b.bucket(name).versioningConfiguration(c -> c.status(str(v.get("Status")))));
        }
        if (p.get("CorsConfiguration") instanceof Map<?, ?> cors) {
            List<CORSRule> rules = maps(cors.get("CorsRules")).stream().map(r -> {
                CORSRule.Builder b = CORSRule.builder()
                        .allowedMethods(strings(r.get("AllowedMethods")))
                        .allowedOrigins(strings(r.get("AllowedOrigins")));
                if (r.get("AllowedHeaders") != null) {
                    b.allowedHeaders(strings(r.get("AllowedHeaders")));
                }
                if (r.get("ExposedHeaders") != null) {
                    b.exposeHeaders(strings(r.get("ExposedHeaders")));
                }
                if (r.get("MaxAge") != null) {
                    b.maxAgeSeconds(Integer.parseInt(str(r.get("MaxAge"))));
                }
                if (r.get("Id") != null) {
                    b.id(str(r.get("Id")));
                }
                return b.build();
            }).toList();
            if (!rules.isEmpty()) {
                s3.putBucketCors(b -> b.bucket(name).corsConfiguration(c -> c.corsRules(rules)));
            }
        }
        if (p.get("NotificationConfiguration") instanceof Map<?, ?> n) {
            List<QueueConfiguration> queues = new ArrayList<>();
            for (Map<String, Object> q : maps(n.get("QueueConfigurations"))) {
                queues.add(QueueConfiguration.builder().queueArn(str(q.get("Queue")))
                        .eventsWithStrings(str(q.get("Event"))).filter(s3Filter(q.get("Filter"))).build());
            }
            List<TopicConfiguration> topics = new ArrayList<>();
            for (Map<String, Object> t : maps(n.get("TopicConfigurations"))) {
                topics.add(TopicConfiguration.builder().topicArn(str(t.get("Topic")))
                        .eventsWithStrings(str(t.get("Event"))).filter(s3Filter(t.get("Filter"))).build());
            }
            if (n.get("LambdaConfigurations") != null || n.get("EventBridgeConfiguration") != null) {
                LOG.log(Level.INFO, id + ": Lambda/EventBridge notifications are not emulated (queue and topic ones are)");
            }
            if (!queues.isEmpty() || !topics.isEmpty()) {
                // like S3, this sends an "s3:TestEvent" message to each destination
                s3.putBucketNotificationConfiguration(b -> b.bucket(name).notificationConfiguration(c -> c
                        .queueConfigurations(queues).topicConfigurations(topics)));
            }
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("Arn", "arn:aws:s3:::" + name);
        attrs.put("DomainName", name + ".s3.amazonaws.com");
        attrs.put("RegionalDomainName", name + ".s3." + aws.region() + ".amazonaws.com");
        attrs.put("DualStackDomainName", name + ".s3.dualstack." + aws.region() + ".amazonaws.com");
        attrs.put("WebsiteURL", "http://" + name + ".s3-website." + aws.region() + ".amazonaws.com");
        stack.put(new ProvisionedStack.Physical(id, BUCKET, name, attrs, true));
    }

    // ------------------------------------------------------------------ Secrets Manager

    private static void secret(ProvisionedStack stack, String id, Map<String, Object> p, LocalAws aws) {
        String name = p.get("Name") != null ? str(p.get("Name")) : generatedName(stack.stackName(), id, 256);
        String arn;
        try {
            arn = aws.secretsManager().describeSecret(b -> b.secretId(name)).arn();
        } catch (software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException e) {
            String value = p.get("SecretString") != null ? str(p.get("SecretString"))
                    : generated(p.get("GenerateSecretString") instanceof Map<?, ?> g ? g : Map.of());
            arn = aws.secretsManager().createSecret(b -> b.name(name).secretString(value)).arn();
        }
        stack.put(new ProvisionedStack.Physical(id, SECRET, arn, Map.of("Id", arn), true));
    }

    /** A random secret like GenerateSecretString's: PasswordLength (default 32) letters and digits. */
    private static String generated(Map<?, ?> g) {
        int length = g.get("PasswordLength") == null ? 32 : Integer.parseInt(String.valueOf(g.get("PasswordLength")));
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static NotificationConfigurationFilter s3Filter(Object filter) {
        if (!(filter instanceof Map<?, ?> f) || !(f.get("S3Key") instanceof Map<?, ?> key)) {
            return null;
        }
        List<FilterRule> rules = maps(key.get("Rules")).stream().map(r -> FilterRule.builder()
                .name(str(r.get("Name")).toLowerCase(Locale.ROOT)).value(str(r.get("Value"))).build()).toList();
        return NotificationConfigurationFilter.builder().key(k -> k.filterRules(rules)).build();
    }

    // ------------------------------------------------------------------ Cognito

    /** The user pool of that name if there is one (idempotent), else a new one with the template's attributes. */
    private static void userPool(ProvisionedStack stack, String id, Map<String, Object> p,
                                 CognitoIdentityProviderClient cognito) {
        String name = p.get("UserPoolName") != null ? str(p.get("UserPoolName"))
                : generatedName(stack.stackName(), id, 128);
        String poolId = cognito.listUserPoolsPaginator(b -> b.maxResults(60)).userPools().stream()
                .filter(u -> name.equals(u.name())).map(UserPoolDescriptionType::id).findFirst().orElse(null);
        if (poolId == null) {
            List<SchemaAttributeType> schema = maps(p.get("Schema")).stream().map(a -> {
                SchemaAttributeType.Builder b = SchemaAttributeType.builder().name(str(a.get("Name")))
                        .attributeDataType(a.get("AttributeDataType") == null ? "String" : str(a.get("AttributeDataType")))
                        .mutable(a.get("Mutable") == null || Boolean.parseBoolean(str(a.get("Mutable"))));
                if (a.get("StringAttributeConstraints") instanceof Map<?, ?> c) {
                    b.stringAttributeConstraints(k -> k.minLength(c.get("MinLength") == null ? null
                            : String.valueOf(c.get("MinLength"))).maxLength(c.get("MaxLength") == null ? null
                            : String.valueOf(c.get("MaxLength"))));
                }
                return b.build();
            }).toList();
            List<String> usernameAttributes = strings(p.get("UsernameAttributes"));
            poolId = cognito.createUserPool(b -> {
                b.poolName(name).schema(schema);
                if (!usernameAttributes.isEmpty()) {
                    b.usernameAttributesWithStrings(usernameAttributes);
                }
                if (p.get("AutoVerifiedAttributes") != null) {
                    b.autoVerifiedAttributesWithStrings(strings(p.get("AutoVerifiedAttributes")));
                }
            }).userPool().id();
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("Arn", "arn:aws:cognito-idp:" + stack.region() + ":" + stack.accountId() + ":userpool/" + poolId);
        attrs.put("ProviderName", "cognito-idp." + stack.region() + ".amazonaws.com/" + poolId);
        attrs.put("ProviderURL", "https://cognito-idp." + stack.region() + ".amazonaws.com/" + poolId);
        stack.put(new ProvisionedStack.Physical(id, USER_POOL, poolId, attrs, true));
    }

    // ------------------------------------------------------------------ helpers

    /** CloudFormation-style generated name without the random suffix: {@code <stack>-<LogicalId>}, cut to max. */
    static String generatedName(String stackName, String logicalId, int max) {
        String name = stackName + "-" + logicalId;
        return name.length() <= max ? name : name.substring(0, max);
    }

    static String json(Object value) {
        if (value instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String str(Object v) {
        if (v == null) {
            throw new IllegalArgumentException("a required property is missing");
        }
        return String.valueOf(v);
    }

    private static List<String> strings(Object v) {
        return list(v).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object v) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return (List<Object>) l;
        }
        return List.of(v);
    }

    private static List<Map<String, Object>> maps(Object v) {
        return list(v).stream().map(StackProvisioner::castMap).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object v) {
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException("expected a mapping, got " + v);
    }
}
