package id.laporwarga.benchmarks;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The baseline of the cold-start benchmark: the least a submit function must do — build one SDK client and write one
 * item — with no framework, no validation, no JSON.
 */
public final class BarePutItemFunction {
    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().build())
                .region(Region.of(env.get("AWS_REGION")))
                .endpointOverride(URI.create(env.get("AWS_ENDPOINT_URL_DYNAMODB")))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"))))
                .build()) {
            String id = UUID.randomUUID().toString();
            dynamo.putItem(r -> r.tableName(env.get("TABLE_NAME")).item(Map.of(
                    "pk", AttributeValue.fromS("BENCH#" + id), "sk", AttributeValue.fromS("BENCH"),
                    "doc", AttributeValue.fromS("{\"description\":\"bare baseline\"}"))));
            System.out.println("status=201");
        }
    }
}
