package id.laporwarga.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads what an HTTP API function answered: the JSON body, and the API's one error shape. */
public final class HttpAnswers {
    public static final JsonMapper JSON_MAPPER = JsonMapper.createDefault();

    private HttpAnswers() {
    }

    /** The body of an answer with {@code status}. */
    public static JsonNode body(APIGatewayV2HTTPResponse r, int status) {
        assertEquals(status, r.getStatusCode(), r.getBody());
        return json(r.getBody());
    }

    public static JsonNode json(String text) {
        try {
            return JSON_MAPPER.readValue(text.getBytes(StandardCharsets.UTF_8), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code {"error":{"code","message","fields"}}} with {@code status}, {@code code} and a field error per name. */
    public static JsonNode assertError(APIGatewayV2HTTPResponse r, int status, String code, String... fields) {
        JsonNode error = body(r, status).get("error");
        assertEquals(code, error.get("code").getStringValue(), r.getBody());
        assertFalse(error.get("message").getStringValue().isBlank());
        for (String field : fields) {
            assertNotNull(error.get("fields").get(field), "field error for " + field + ": " + r.getBody());
        }
        assertFalse(r.getBody().contains("Exception"), "no stack trace or exception name in " + r.getBody());
        return error;
    }
}
