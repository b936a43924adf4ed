package id.laporwarga.platform.log;

import id.laporwarga.domain.text.JsonText;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured logs: one JSON object per line on stdout (CloudWatch Logs on Lambda). The context (request id, function,
 * tenant, caseId) is per thread. Never put reporter contact data into a field: callers pass ids, codes and counts only.
 */
public final class JsonLog {
    private static final ThreadLocal<Map<String, Object>> CONTEXT = ThreadLocal.withInitial(LinkedHashMap::new);
    private static volatile PrintStream out = System.out;

    private final String logger;

    private JsonLog(String logger) {
        this.logger = logger;
    }

    public static JsonLog get(Class<?> type) {
        return new JsonLog(type.getSimpleName());
    }

    /** Redirects output (tests capture it to search for leaks). */
    public static void setOutput(PrintStream stream) {
        out = stream;
    }

    public static void put(String key, Object value) {
        if (value == null) {
            CONTEXT.get().remove(key);
        } else {
            CONTEXT.get().put(key, value);
        }
    }

    public static void clear() {
        CONTEXT.get().clear();
    }

    public void info(String event, Object... keyValues) {
        write("INFO", event, null, keyValues);
    }

    public void warn(String event, Object... keyValues) {
        write("WARN", event, null, keyValues);
    }

    public void error(String event, Throwable error, Object... keyValues) {
        write("ERROR", event, error, keyValues);
    }

    private void write(String level, String event, Throwable error, Object... keyValues) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"time\":\"").append(Instant.now()).append("\",\"level\":\"").append(level)
                .append("\",\"logger\":\"").append(logger).append("\",\"event\":");
        quote(sb, event);
        for (Map.Entry<String, Object> e : CONTEXT.get().entrySet()) {
            field(sb, e.getKey(), e.getValue());
        }
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            field(sb, String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        if (error != null) {
            field(sb, "errorType", error.getClass().getName());
            field(sb, "errorMessage", String.valueOf(error.getMessage()));
        }
        sb.append('}');
        out.println(sb);
    }

    private static void field(StringBuilder sb, String key, Object value) {
        sb.append(',');
        quote(sb, key);
        sb.append(':');
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            sb.append(value);
        } else {
            quote(sb, String.valueOf(value));
        }
    }

    private static void quote(StringBuilder sb, String s) {
        JsonText.quote(sb, s);
    }
}
