package id.laporwarga.local.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Hostile values (text, ids, numbers) and a tiny JSON writer that can also emit what JSON forbids. */
final class HostileValues {
    private HostileValues() {
    }

    /** Texts that broke real systems: unicode edge cases, control characters, injections, traversal. */
    static final List<String> EDGE_TEXTS = List.of(
            "\uD800", "\uDFFF", "a\uD83Db", "\uDC00\uD800", // lone and reversed surrogates
            "\u202Egpj.exe", "\u202Dabc\u202C", "\u2066\u2069", // bidi overrides and isolates
            "\u200B", "a\u200Cb\u200Dc", "\uFEFF", "\u2060", // zero-width and BOM
            "\u0000", "a\u0000b", "\u0007\u001B[31mred", "\u007F", "\u0085", "\u2028\u2029", // NUL, control, separators
            "\r\nX-Injected: 1", "\nSet-Cookie: a=b", "%0d%0aX-Injected:%201",
            "../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "/", "//", ".", "..", "%2e%2e%2f", "....//",
            "' OR '1'='1", "\"; DROP TABLE cases; --", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/a}",
            "#{7*7}", "{{7*7}}", "$(id)", "`id`", "kotamobagu#STATUS", "TENANT#kotamobagu", "CASE#x", "pk", "*",
            "\u0130\u0131\u017F", "\uD835\uDD4F", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\uFFFF", "\uFFFE",
            "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358", "\u0645\u0631\u062D\u0628\u0627", "\u4E2D\u6587",
            "", " ", "\t", "null", "undefined", "NaN", "Infinity", "-0", "1e309", "0x1F", "true", "[]", "{}",
            "A".repeat(2049), "\u00E9".repeat(1500), "\uD83D\uDCA9".repeat(600));

    /** Raw path segments that are legal URI characters but hostile (already percent-encoded where needed). */
    static final List<String> RAW_SEGMENTS = List.of(
            "..", ".", "%2e%2e", "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "..%2f..%2f..%2fetc%2fpasswd", "%252e%252e%252f",
            "%00", "a%00b", "%0d%0aX-Injected:%201", "%0aSet-Cookie:%20a=b", ";jsessionid=1", "a;b=c", "%ff%fe",
            "%c0%ae%c0%ae", "%ed%a0%80", "%e2%80%ae", "%ef%bb%bf", "%20", "+", "%2B%2B", "~", "!$&'()*,;=", "@",
            "%7B%7D", "%5B%5D", "%5C..%5C", "KOT-2222-2222", "kot-aaaa-bbbb", "XXXXXXXXX-ZZZZ-ZZZZ", "CASE%23x",
            "kotamobagu%23STATUS", "x".repeat(1200), "%41".repeat(300));

    /** A weighted choice for {@link Arbitraries#frequencyOf} (arbitraries are covariant in practice). */
    @SuppressWarnings("unchecked")
    static <T> net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends T>> w(int weight, Arbitrary<? extends T> arbitrary) {
        return net.jqwik.api.Tuple.of(weight, arbitrary);
    }

    static Arbitrary<String> text() {
        return Arbitraries.<String>frequencyOf(
                HostileValues.w(5, Arbitraries.of(EDGE_TEXTS)),
                HostileValues.w(2, Arbitraries.strings().all().ofMaxLength(24)),
                HostileValues.w(1, Arbitraries.strings().withCharRange('\u0000', '\u001F').ofMinLength(1).ofMaxLength(8)),
                HostileValues.w(1, Arbitraries.strings().withCharRange('\uD800', '\uDFFF').ofMinLength(1).ofMaxLength(6)),
                HostileValues.w(1, Arbitraries.integers().between(2_001, 60_000).map(n -> "x".repeat(n))));
    }

    /** A text that is not a valid value of the enum (after strip + upper-case, as the API reads it). */
    static Arbitrary<String> notEnum(Set<String> names) {
        return text().filter(s -> !names.contains(s.strip().toUpperCase(Locale.ROOT)));
    }

    static Arbitrary<String> rawSegment() {
        return Arbitraries.oneOf(Arbitraries.of(RAW_SEGMENTS), text().filter(s -> !s.isEmpty()).map(HostileValues::encode));
    }

    /** Percent-encodes everything but unreserved characters (lone surrogates become '?', as UTF-8 encoders do). */
    static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    /** JSON literals that are not JSON (NaN, Infinity) or that overflow, underflow or exceed parser limits. */
    static Arbitrary<Raw> badNumber() {
        return Arbitraries.of(new Raw("NaN"), new Raw("Infinity"), new Raw("-Infinity"), new Raw("+1"), new Raw("01"),
                new Raw("1e309"), new Raw("-1e309"), new Raw("1e-400"), new Raw("0x10"), new Raw(".5"), new Raw("1."),
                new Raw("9".repeat(5000)), new Raw("1" + "0".repeat(400) + ".0"), new Raw("\"NaN\""),
                new Raw("\"0.7\""), new Raw("[0.7]"), new Raw("{}"), new Raw("true"), new Raw("null"), new Raw("1e999999999"));
    }

    /** Out-of-range or outside-the-city but well-formed coordinates. */
    static Arbitrary<double[]> badCoordinates() {
        return Arbitraries.oneOf(
                Arbitraries.of(new double[]{91, 124.3}, new double[]{-90.0001, 124.3}, new double[]{0.7, 180.0001},
                        new double[]{0.7, -181}, new double[]{999, 999}, new double[]{-6.2, 106.8},
                        new double[]{0, 0}, new double[]{Double.MAX_VALUE, Double.MIN_VALUE},
                        new double[]{-0.0, -0.0}, new double[]{0.7117, -124.3419}),
                Arbitraries.doubles().between(-1e6, 1e6).tuple2().filter(t -> Math.abs(t.get1()) > 90
                        || Math.abs(t.get2()) > 180).map(t -> new double[]{t.get1(), t.get2()}));
    }

    /** A JSON fragment written verbatim. */
    record Raw(String json) {
    }

    static String json(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Raw r) {
            sb.append(r.json());
        } else if (v instanceof String s) {
            quote(sb, s);
        } else if (v instanceof Double d) {
            sb.append(d.isNaN() || d.isInfinite() ? d.toString() : Double.toString(d));
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                quote(sb, e.getKey());
                sb.append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(sb, l.get(i));
            }
            sb.append(']');
        } else {
            quote(sb, v.toString());
        }
    }

    /** Escapes quotes, backslashes, control characters and every surrogate, so lone surrogates survive as \\uD800. */
    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
