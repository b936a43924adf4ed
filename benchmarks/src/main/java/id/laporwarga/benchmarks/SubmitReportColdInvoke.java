package id.laporwarga.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import id.laporwarga.function.submitreport.SubmitReportHandler;
import id.laporwarga.platform.aws.AwsCallRecorder;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One cold invocation of submit-report as Lambda would do it: construct the handler from the process environment
 * (no-arg constructor: the init phase), then deserialize events/http-submit-report.json with the Java runtime's
 * serializer and invoke once.
 */
public final class SubmitReportColdInvoke {
    public static void main(String[] args) throws Exception {
        // Lambda's order: the init phase constructs the handler, then the invoke phase deserializes the event
        SubmitReportHandler handler = new SubmitReportHandler();
        APIGatewayV2HTTPEvent event;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            event = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class,
                    SubmitReportColdInvoke.class.getClassLoader()).fromJson(in);
        }
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("idempotency-key", UUID.randomUUID().toString());
        event.setHeaders(headers);
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        System.out.println("status=" + response.getStatusCode());
        System.out.println("awsCalls=" + AwsCallRecorder.total());
        System.out.println("awsCallsByOperation=" + AwsCallRecorder.snapshot());
        if (response.getStatusCode() != 201) {
            System.out.println(response.getBody());
            System.exit(2);
        }
        System.exit(0);
    }
}
