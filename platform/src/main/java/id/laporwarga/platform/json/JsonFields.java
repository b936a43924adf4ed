package id.laporwarga.platform.json;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.FieldErrors;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads typed fields out of a JSON tree, recording a per-field message for every wrong type instead of failing on the
 * first one. Call {@link #errors()}.throwIfAny() (or merge with domain validation) when done.
 */
public final class JsonFields {
    private final JsonNode node;
    private final FieldErrors errors;
    private final String prefix;

    private JsonFields(JsonNode node, FieldErrors errors, String prefix) {
        this.node = node;
        this.errors = errors;
        this.prefix = prefix;
    }

    /** The root must be a JSON object. */
    public static JsonFields root(JsonNode root) {
        if (root == null || !root.isObject()) {
            FieldErrors e = new FieldErrors().add("body", "harus berupa objek JSON", "must be a JSON object");
            throw DomainException.validation(e.asMap());
        }
        return new JsonFields(root, new FieldErrors(), "");
    }

    public FieldErrors errors() {
        return errors;
    }

    public boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    public String string(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            errors.add(prefix + name, "harus berupa teks", "must be a string");
            return null;
        }
        return v.getStringValue();
    }

    public Double number(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            errors.add(prefix + name, "harus berupa angka", "must be a number");
            return null;
        }
        double d = v.getDoubleValue();
        if (!Double.isFinite(d)) {
            errors.add(prefix + name, "harus berupa angka terhingga", "must be a finite number");
            return null;
        }
        return d;
    }

    public Long integer(String name) {
        Double d = number(name);
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d) || Math.abs(d) > 9.0e15) {
            errors.add(prefix + name, "harus berupa bilangan bulat", "must be an integer");
            return null;
        }
        return d.longValue();
    }

    public Boolean bool(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            errors.add(prefix + name, "harus true atau false", "must be true or false");
            return null;
        }
        return v.getBooleanValue();
    }

    public JsonFields object(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            errors.add(prefix + name, "harus berupa objek", "must be an object");
            return null;
        }
        return new JsonFields(v, errors, prefix + name + ".");
    }

    /** Elements of an array of objects; null when absent. */
    public List<JsonFields> objects(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            errors.add(prefix + name, "harus berupa larik", "must be an array");
            return null;
        }
        List<JsonFields> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode element = v.get(i);
            if (element == null || !element.isObject()) {
                errors.add(prefix + name + "[" + i + "]", "harus berupa objek", "must be an object");
                out.add(null);
            } else {
                out.add(new JsonFields(element, errors, prefix + name + "[" + i + "]."));
            }
        }
        return out;
    }

    /** Elements of an array of strings; null when absent. */
    public List<String> strings(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            errors.add(prefix + name, "harus berupa larik", "must be an array");
            return null;
        }
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode element = v.get(i);
            if (element == null || !element.isString()) {
                errors.add(prefix + name + "[" + i + "]", "harus berupa teks", "must be a string");
            } else {
                out.add(element.getStringValue());
            }
        }
        return out;
    }

    public JsonNode node() {
        return node;
    }

    public JsonNode raw(String name) {
        return node.get(name);
    }
}
