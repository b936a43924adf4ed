package id.laporwarga.local.testfns;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.laporwarga.platform.FunctionEnvironment;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Answers with what it received, so tests can check the payload 2.0 event the bridge builds. */
public class EchoHandler extends MicronautRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final ObjectMapper JSON = new ObjectMapper();

    public EchoHandler() {
        super();
    }

    public EchoHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    public APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
        try {
            if (event.getRawPath().startsWith("/files/")) {
                // binary answer: the bridge must decode it
                return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                        .withHeaders(Map.of("Content-Type", "application/octet-stream"))
                        .withBody(Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 255}))
                        .withIsBase64Encoded(true).build();
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("event", event);
            out.put("greeting", getApplicationContext().getBean(FunctionEnvironment.class).get("GREETING").orElse(null));
            return APIGatewayV2HTTPResponse.builder().withStatusCode(201)
                    .withHeaders(Map.of("Content-Type", "application/json", "X-Echo", "yes"))
                    .withCookies(java.util.List.of("session=abc; HttpOnly"))
                    .withBody(JSON.writeValueAsString(out)).withIsBase64Encoded(false).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
