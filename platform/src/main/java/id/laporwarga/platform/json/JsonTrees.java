package id.laporwarga.platform.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.micronaut.json.tree.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Writes a JSON tree back to JSON text without a mapper (streaming generator), for parsers that read streams. */
public final class JsonTrees {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonTrees() {
    }

    public static byte[] bytes(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        if (node == null || node.isNull()) {
            g.writeNull();
        } else if (node.isObject()) {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> e : node.entries()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (int i = 0; i < node.size(); i++) {
                write(g, node.get(i));
            }
            g.writeEndArray();
        } else if (node.isString()) {
            g.writeString(node.getStringValue());
        } else if (node.isBoolean()) {
            g.writeBoolean(node.getBooleanValue());
        } else if (node.isNumber()) {
            Number n = node.getNumberValue();
            if (n instanceof Double || n instanceof Float) {
                g.writeNumber(n.doubleValue());
            } else if (n instanceof java.math.BigDecimal d) {
                g.writeNumber(d);
            } else if (n instanceof java.math.BigInteger i) {
                g.writeNumber(i);
            } else {
                g.writeNumber(n.longValue());
            }
        } else {
            g.writeNull();
        }
    }
}
