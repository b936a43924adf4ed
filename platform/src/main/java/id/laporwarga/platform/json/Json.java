package id.laporwarga.platform.json;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** JSON through Micronaut Serde (compile-time introspection, no reflection). */
@Singleton
public class Json {
    private final JsonMapper mapper;

    public Json(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        try {
            return new String(mapper.writeValueAsBytes(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json.getBytes(StandardCharsets.UTF_8), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses into a tree; throws {@link MalformedJsonException} on a syntax error. */
    public JsonNode tree(String json) {
        try {
            return mapper.readValue(json.getBytes(StandardCharsets.UTF_8), JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw new MalformedJsonException(e);
        }
    }

    /**
     * Parses a request body strictly ({@link StrictJson}: no duplicate key, no lone surrogate) into a tree; throws
     * {@link MalformedJsonException} otherwise. Every HTTP handler reads its body through this.
     */
    public JsonNode strictTree(String json) {
        StrictJson.check(json);
        return tree(json);
    }

    public <T> T fromTree(JsonNode node, Class<T> type) {
        try {
            return mapper.readValueFromTree(node, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonMapper mapper() {
        return mapper;
    }

    public static final class MalformedJsonException extends RuntimeException {
        public MalformedJsonException(Throwable cause) {
            super("malformed JSON", cause);
        }
    }
}
