package id.laporwarga.benchmarks;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The baseline of the cold-start benchmark, for any function: a bare program with the AWS SDK only (no framework, no
 * JSON, no validation, no domain) that makes the same AWS calls the function's cold invocation made, as recorded by
 * {@code AwsCallRecorder} in {@link FunctionColdInvoke}. It runs on the SDK subset of the function's own Lambda
 * package (plus the runtime's event serializer and the events library, which a bare handler needs too). Args:
 * {@code [--event <event class> <event.json>] Service.Operation=count ...}, e.g. {@code DynamoDb.GetItem=2 Sns.Publish=1}. Operations it
 * does not know are reported as {@code skipped=} (and make the comparison flattering to the function, never unfair).
 */
public final class BareSdkCalls {
    private static final Map<String, String> ENV = System.getenv();
    private static SdkHttpClient http;
    private static DynamoDbClient dynamo;
    private static S3Client s3;
    private static SnsClient sns;

    public static void main(String[] args) throws Exception {
        String id = UUID.randomUUID().toString();
        List<String> skipped = new ArrayList<>();
        int calls = 0;
        int first = 0;
        if (args.length >= 3 && args[0].equals("--event")) {
            // a bare handler gets its event deserialized by the Lambda runtime too: same serializer, same event
            readEvent(args[1], Path.of(args[2]));
            first = 3;
        }
        for (String arg : Arrays.copyOfRange(args, first, args.length)) {
            int eq = arg.indexOf('=');
            String op = eq < 0 ? arg : arg.substring(0, eq);
            int count = eq < 0 ? 1 : Integer.parseInt(arg.substring(eq + 1));
            for (int i = 0; i < count; i++) {
                if (callCountingServiceErrors(op, id + "-" + i)) {
                    calls++;
                } else if (i == 0) {
                    skipped.add(op);
                }
            }
        }
        System.out.println("status=ok");
        System.out.println("awsCalls=" + calls);
        System.out.println("skipped=" + skipped);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object readEvent(String type, Path file) throws Exception {
        Class<?> eventType = type.startsWith("com.amazonaws.services.lambda.runtime.events.") ? Class.forName(type)
                : Map.class;
        try (InputStream in = Files.newInputStream(file)) {
            if (eventType == Map.class) {
                return JacksonFactory.getInstance().getSerializer((Class) Map.class).fromJson(in);
            }
            return LambdaEventSerializers.serializerFor((Class) eventType, BareSdkCalls.class.getClassLoader()).fromJson(in);
        }
    }

    /** A service error (a missing object, a conditional check) is still a full round trip: it counts. */
    private static boolean callCountingServiceErrors(String op, String id) {
        try {
            return call(op, id);
        } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
            return true;
        }
    }

    private static boolean call(String op, String id) {
        String table = ENV.get("TABLE_NAME");
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("BENCH#" + id), "sk",
                AttributeValue.fromS("BENCH"));
        switch (op) {
            case "DynamoDb.GetItem" -> dynamo().getItem(r -> r.tableName(table).key(key));
            case "DynamoDb.PutItem", "DynamoDb.TransactWriteItems", "DynamoDb.BatchWriteItem" -> dynamo().putItem(r -> r
                    .tableName(table).item(Map.of("pk", key.get("pk"), "sk", key.get("sk"),
                            "doc", AttributeValue.fromS("{\"description\":\"bare baseline\"}"))));
            case "DynamoDb.UpdateItem" -> dynamo().updateItem(r -> r.tableName(table).key(key)
                    .updateExpression("SET #d = :d").expressionAttributeNames(Map.of("#d", "doc"))
                    .expressionAttributeValues(Map.of(":d", AttributeValue.fromS("bare"))));
            case "DynamoDb.DeleteItem" -> dynamo().deleteItem(r -> r.tableName(table).key(key));
            case "DynamoDb.Query" -> dynamo().query(r -> r.tableName(table).keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("TENANT#bench"))));
            case "DynamoDb.Scan" -> dynamo().scan(r -> r.tableName(table).limit(1));
            case "DynamoDb.BatchGetItem" -> dynamo().batchGetItem(r -> r.requestItems(Map.of(table,
                    software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(key).build())));
            case "S3.GetObject" -> s3().getObjectAsBytes(r -> r.bucket(bucket()).key(BENCH_OBJECT).range("bytes=0-65535"));
            case "S3.HeadObject" -> s3().headObject(r -> r.bucket(bucket()).key(BENCH_OBJECT));
            case "S3.PutObject" -> s3().putObject(r -> r.bucket(bucket()).key("bench/" + id), RequestBody.fromString(id));
            case "S3.DeleteObject" -> s3().deleteObject(r -> r.bucket(bucket()).key("bench/" + id));
            case "S3.ListObjectsV2" -> s3().listObjectsV2(r -> r.bucket(bucket()).prefix("bench/").maxKeys(1));
            case "Sns.Publish" -> sns().publish(r -> r.topicArn(topic()).message("{\"bench\":\"" + id + "\"}"));
            case "Sns.ListSubscriptionsByTopic" -> sns().listSubscriptionsByTopic(r -> r.topicArn(topic()));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** An object the benchmark puts in each bucket before it starts (a real photo's first bytes). */
    static final String BENCH_OBJECT = "bench/bare.jpg";

    private static String bucket() {
        String analytics = ENV.get("ANALYTICS_BUCKET");
        return analytics != null && !analytics.isBlank() ? analytics : ENV.get("PHOTOS_BUCKET");
    }

    private static String topic() {
        return ENV.get("CASE_EVENTS_TOPIC_ARN");
    }

    private static SdkHttpClient http() {
        if (http == null) {
            http = UrlConnectionHttpClient.builder().build();
        }
        return http;
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(ENV.get("AWS_ACCESS_KEY_ID"), ENV.get("AWS_SECRET_ACCESS_KEY")));
    }

    private static URI endpoint(String service) {
        String e = ENV.getOrDefault("AWS_ENDPOINT_URL_" + service, ENV.get("AWS_ENDPOINT_URL"));
        return e == null ? null : URI.create(e);
    }

    private static DynamoDbClient dynamo() {
        if (dynamo == null) {
            var b = DynamoDbClient.builder().httpClient(http()).region(Region.of(ENV.get("AWS_REGION")))
                    .credentialsProvider(credentials());
            URI e = endpoint("DYNAMODB");
            if (e != null) {
                b.endpointOverride(e);
            }
            dynamo = b.build();
        }
        return dynamo;
    }

    private static S3Client s3() {
        if (s3 == null) {
            var b = S3Client.builder().httpClient(http()).region(Region.of(ENV.get("AWS_REGION")))
                    .credentialsProvider(credentials());
            URI e = endpoint("S3");
            if (e != null) {
                b.endpointOverride(e).forcePathStyle(true);
            }
            s3 = b.build();
        }
        return s3;
    }

    private static SnsClient sns() {
        if (sns == null) {
            var b = SnsClient.builder().httpClient(http()).region(Region.of(ENV.get("AWS_REGION")))
                    .credentialsProvider(credentials());
            URI e = endpoint("SNS");
            if (e != null) {
                b.endpointOverride(e);
            }
            sns = b.build();
        }
        return sns;
    }
}
