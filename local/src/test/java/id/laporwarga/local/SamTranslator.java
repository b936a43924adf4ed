package id.laporwarga.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.laporwarga.emulators.Intrinsics;
import id.laporwarga.emulators.SamTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real SAM transform (aws-sam-translator, which ships with cfn-lint) run on a template through
 * {@code scripts/sam-translate.py}: what CloudFormation would get from {@code sam deploy}. Where python3 or the
 * translator is missing, the tests that need it are skipped with the reason, unless the environment variable
 * {@value #REQUIRE_ENV} (or the system property {@value #REQUIRE_PROPERTY}) is {@code true}: then they fail
 * ({@code .ci/run} sets it; CI machines have the translator).
 */
final class SamTranslator {
    static final String REQUIRE_ENV = "LAPOR_REQUIRE_SAM_TRANSLATOR";
    static final String REQUIRE_PROPERTY = "lapor.requireSamTranslator";
    static final Path TEMPLATE = SamTemplate.findRepositoryTemplate();
    private static final Path SCRIPT = TEMPLATE.getParent().resolve("scripts/sam-translate.py");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Translated> CACHE = new ConcurrentHashMap<>();
    private static volatile String missing;

    private SamTranslator() {
    }

    /** Skips the calling test when the translator is missing (fails instead when it is required). */
    static void assumeAvailable() {
        String reason = missingReason();
        if (reason == null) {
            return;
        }
        boolean required = Boolean.parseBoolean(System.getenv(REQUIRE_ENV))
                || Boolean.getBoolean(REQUIRE_PROPERTY);
        if (required) {
            Assertions.fail(reason + " (required here: " + REQUIRE_ENV + "=true)");
        }
        Assumptions.abort("SAM transform checks skipped: " + reason + "; set " + REQUIRE_ENV
                + "=true to make this a failure");
    }

    private static String missingReason() {
        if (missing == null) {
            String reason = "";
            try {
                Process p = new ProcessBuilder("python3", "-c", "import samtranslator").redirectErrorStream(true).start();
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    reason = "python3 -c 'import samtranslator' did not finish";
                } else if (p.exitValue() != 0) {
                    reason = "the Python package aws-sam-translator is not installed (pip install cfn-lint): "
                            + out.strip();
                }
            } catch (IOException e) {
                reason = "python3 is not on PATH (" + e.getMessage() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reason = "interrupted";
            }
            missing = reason;
        }
        return missing.isEmpty() ? null : missing;
    }

    /** template.yaml translated with these parameter values (the rest take their defaults). */
    static Translated repository(Map<String, String> parameters) {
        return translate(TEMPLATE, parameters);
    }

    /** A template given as text (a test's fixture), translated. */
    static Translated translate(String templateText, Map<String, String> parameters) {
        try {
            Path file = Files.createTempFile("sam-fixture-", ".yaml");
            try {
                Files.writeString(file, templateText);
                return translate(file, parameters);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Translated translate(Path template, Map<String, String> parameters) {
        assumeAvailable();
        Map<String, String> sorted = new TreeMap<>(parameters);
        String key;
        try {
            key = template + "\n" + sorted + "\n" + Files.getLastModifiedTime(template).toMillis();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return CACHE.computeIfAbsent(key, k -> run(template, sorted));
    }

    private static Translated run(Path template, Map<String, String> parameters) {
        List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toString(), template.toString()));
        parameters.forEach((k, v) -> command.add(k + "=" + v));
        try {
            Path err = Files.createTempFile("sam-translate-", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
                p.getOutputStream().close();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("sam-translate.py timed out on " + template);
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("sam-translate.py " + template + " exited " + p.exitValue() + ":\n"
                            + Files.readString(err));
                }
                String json = new String(out, StandardCharsets.UTF_8);
                @SuppressWarnings("unchecked")
                Map<String, Object> root = JSON.readValue(json, Map.class);
                return new Translated(root, SamTemplate.parse(json));
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A translated (plain CloudFormation) template: as a map, and parsed for the intrinsic-function resolver. */
    record Translated(Map<String, Object> root, SamTemplate template) {
        Map<String, Object> resources() {
            return map(root.get("Resources"));
        }

        /**
         * The function a {@code FunctionName}-like expression names ({@code ${X}}, {@code ${X.Arn}}, or through an
         * alias of it), else the expression itself.
         */
        String functionOf(String expression) {
            Matcher m = Pattern.compile("\\$\\{(\\w+)(\\.Arn)?}").matcher(expression);
            if (!m.matches()) {
                return expression;
            }
            Map<String, Object> alias = ofType("AWS::Lambda::Alias").get(m.group(1));
            return alias == null ? m.group(1) : functionOf(String.valueOf(canonical(alias.get("FunctionName"))));
        }

        /** Each route of each HTTP API ("GET /v1/x") with the function behind it and whether it is public. */
        Map<String, Route> routes() {
            Map<String, Route> out = new TreeMap<>();
            Pattern uri = Pattern.compile(".*/functions/(\\$\\{[^}]+})/invocations");
            ofType("AWS::ApiGatewayV2::Api").forEach((api, p) -> map(map(p.get("Body")).get("paths")).forEach(
                    (path, ops) -> map(ops).forEach((method, op) -> {
                        Map<String, Object> o = map(op);
                        Matcher m = uri.matcher(String.valueOf(canonical(map(o.get("x-amazon-apigateway-integration"))
                                .get("uri"))));
                        // SAM writes one requirement: {"<authorizer>": [scopes]}, {"NONE": []} for a public route
                        Map<String, Object> security = map(list(o.get("security")).stream().findFirst().orElse(null));
                        String authorizer = security.keySet().stream().filter(k -> !k.equals("NONE")).findFirst()
                                .orElse(null);
                        List<String> scopes = authorizer == null ? List.of()
                                : list(security.get(authorizer)).stream().map(String::valueOf).toList();
                        String verb = method.equals("x-amazon-apigateway-any-method") ? "ANY" : method.toUpperCase();
                        out.put(verb + " " + path, new Route(m.matches() ? functionOf(m.group(1)) : null, authorizer,
                                scopes));
                    })));
            return out;
        }

        /** Logical id to properties of every resource of this type. */
        Map<String, Map<String, Object>> ofType(String type) {
            Map<String, Map<String, Object>> out = new LinkedHashMap<>();
            resources().forEach((id, r) -> {
                if (type.equals(map(r).get("Type"))) {
                    out.put(id, map(map(r).get("Properties")));
                }
            });
            return out;
        }
    }

    /**
     * A made-up account (123456789012, ap-southeast-3) to resolve a translated template's expressions in: the stack's
     * name and parameter values, and what {@code Ref}/{@code Fn::GetAtt} of a resource give.
     */
    record Account(String stackName, Map<String, String> parameterOverrides, Function<String, String> refs,
                   BiFunction<String, String, String> attributes) implements Intrinsics.Context {
        public String region() {
            return "ap-southeast-3";
        }

        public String accountId() {
            return "123456789012";
        }

        public String ref(String logicalId) {
            return refs.apply(logicalId);
        }

        public String attribute(String logicalId, String attribute) {
            return attributes.apply(logicalId, attribute);
        }
    }

    /** An HTTP API route after the transform: its function, the authorizer guarding it (null: none), its scopes. */
    record Route(String function, String authorizer, List<String> scopes) {
        boolean isPublic() {
            return authorizer == null;
        }
    }

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    /**
     * An IAM resource, condition value or other expression in the template's own notation, for comparing with the
     * allow-list: {@code Ref X} is {@code ${X}}, {@code GetAtt X.A} is {@code ${X.A}}, a {@code Fn::Sub} string stays as
     * written (its local variables substituted), {@code Fn::Join} is joined. Lists and maps keep their shape.
     */
    static Object canonical(Object value) {
        if (value instanceof Map<?, ?> m) {
            if (m.size() == 1) {
                Object key = m.keySet().iterator().next();
                Object arg = m.values().iterator().next();
                switch (String.valueOf(key)) {
                    case "Ref" -> {
                        return "${" + arg + "}";
                    }
                    case "Fn::GetAtt" -> {
                        return "${" + (arg instanceof List<?> l ? l.get(0) + "." + l.get(1) : arg) + "}";
                    }
                    case "Fn::Sub" -> {
                        if (arg instanceof List<?> l) {
                            Map<?, ?> vars = l.size() > 1 ? (Map<?, ?>) l.get(1) : Map.of();
                            Matcher matcher = SUB_VARIABLE.matcher(String.valueOf(l.get(0)));
                            StringBuilder sb = new StringBuilder();
                            while (matcher.find()) {
                                Object v = vars.get(matcher.group(1));
                                matcher.appendReplacement(sb, Matcher.quoteReplacement(v == null ? matcher.group()
                                        : String.valueOf(canonical(v))));
                            }
                            return matcher.appendTail(sb).toString();
                        }
                        return String.valueOf(arg);
                    }
                    case "Fn::Join" -> {
                        List<?> l = (List<?>) arg;
                        List<String> parts = new ArrayList<>();
                        for (Object part : (List<?>) l.get(1)) {
                            parts.add(String.valueOf(canonical(part)));
                        }
                        return String.join(String.valueOf(l.get(0)), parts);
                    }
                    default -> {
                    }
                }
            }
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), canonical(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(SamTranslator::canonical).toList();
        }
        return value == null ? null : String.valueOf(value);
    }

    /** A single value or a list, as a list of canonical strings. */
    static List<String> canonicalList(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return l.stream().map(v -> String.valueOf(canonical(v))).toList();
        }
        return List.of(String.valueOf(canonical(value)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<Object> list(Object value) {
        return value instanceof List<?> l ? new ArrayList<>(l) : value == null ? List.of() : List.of(value);
    }
}
