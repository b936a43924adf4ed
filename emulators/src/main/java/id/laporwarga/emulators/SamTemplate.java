package id.laporwarga.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A SAM/CloudFormation template (template.yaml) read with {@link CfnYaml}: parameters, globals, resources, and the
 * serverless functions with their handler, code, events and environment. Values are kept in CloudFormation's long
 * JSON form; {@link #resolver(Intrinsics.Context)} resolves intrinsics against a stack.
 */
public final class SamTemplate {
    public static final String FUNCTION = "AWS::Serverless::Function";
    public static final String HTTP_API = "AWS::Serverless::HttpApi";

    private final Path path;
    private final Map<String, Object> root;
    private final Map<String, Parameter> parameters;
    private final Map<String, Resource> resources;

    private SamTemplate(Path path, Map<String, Object> root) {
        this.path = path;
        this.root = Collections.unmodifiableMap(root);
        Map<String, Parameter> params = new LinkedHashMap<>();
        map(root.get("Parameters"), "Parameters").forEach((name, v) -> {
            Map<String, Object> p = map(v, "Parameters." + name);
            Object def = p.get("Default");
            List<String> allowed = new ArrayList<>();
            if (p.get("AllowedValues") instanceof List<?> l) {
                l.forEach(x -> allowed.add(String.valueOf(x)));
            }
            params.put(name, new Parameter(name, String.valueOf(p.getOrDefault("Type", "String")),
                    def == null ? null : scalarText(def), List.copyOf(allowed)));
        });
        this.parameters = Collections.unmodifiableMap(params);
        Map<String, Resource> res = new LinkedHashMap<>();
        Map<String, Object> declared = map(root.get("Resources"), "Resources");
        if (declared.isEmpty()) {
            throw new IllegalArgumentException("template has no Resources");
        }
        declared.forEach((id, v) -> {
            Map<String, Object> r = map(v, "Resources." + id);
            Object type = r.get("Type");
            if (!(type instanceof String t)) {
                throw new IllegalArgumentException("resource " + id + " has no Type");
            }
            List<String> dependsOn = new ArrayList<>();
            Object d = r.get("DependsOn");
            if (d instanceof String s) {
                dependsOn.add(s);
            } else if (d instanceof List<?> l) {
                l.forEach(x -> dependsOn.add(String.valueOf(x)));
            }
            res.put(id, new Resource(id, t, map(r.get("Properties"), id + ".Properties"), List.copyOf(dependsOn),
                    r.get("Condition") instanceof String c ? c : null, map(r.get("Metadata"), id + ".Metadata")));
        });
        this.resources = Collections.unmodifiableMap(res);
    }

    public static SamTemplate load(Path file) {
        try {
            return new SamTemplate(file.toAbsolutePath().normalize(), CfnYaml.parse(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + file, e);
        }
    }

    public static SamTemplate parse(String yaml) {
        return new SamTemplate(null, CfnYaml.parse(yaml));
    }

    /**
     * The repository's template.yaml, found from the working directory upwards (tests run in a module directory,
     * the local runner in the repository root). System property {@code laporwarga.template} overrides.
     */
    public static Path findRepositoryTemplate() {
        String override = System.getProperty("laporwarga.template");
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("template.yaml");
            if (Files.isRegularFile(candidate) && Files.isRegularFile(dir.resolve("pom.xml"))
                    && Files.isDirectory(dir.resolve("emulators"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("template.yaml of the repository not found above " + Path.of("").toAbsolutePath());
    }

    /** The file it was read from, or null. */
    public Path path() {
        return path;
    }

    /** The whole template (long form). */
    public Map<String, Object> raw() {
        return root;
    }

    public Map<String, Parameter> parameters() {
        return parameters;
    }

    /** Parameter name to its Default (parameters without a default are left out). */
    public Map<String, String> parameterDefaults() {
        Map<String, String> out = new LinkedHashMap<>();
        parameters.values().forEach(p -> {
            if (p.defaultValue() != null) {
                out.put(p.name(), p.defaultValue());
            }
        });
        return out;
    }

    public Map<String, Object> globals() {
        return map(root.get("Globals"), "Globals");
    }

    /** Globals.Function (or empty). */
    public Map<String, Object> functionGlobals() {
        return map(globals().get("Function"), "Globals.Function");
    }

    public Map<String, Object> conditions() {
        return map(root.get("Conditions"), "Conditions");
    }

    public Map<String, Object> mappings() {
        return map(root.get("Mappings"), "Mappings");
    }

    public Map<String, Object> outputs() {
        return map(root.get("Outputs"), "Outputs");
    }

    public Map<String, Resource> resources() {
        return resources;
    }

    public Resource resource(String logicalId) {
        Resource r = resources.get(logicalId);
        if (r == null) {
            throw new IllegalArgumentException("no resource " + logicalId + " in the template; resources: "
                    + resources.keySet());
        }
        return r;
    }

    public List<Resource> resourcesOfType(String type) {
        return resources.values().stream().filter(r -> r.type().equals(type)).toList();
    }

    /** Every {@code AWS::Serverless::Function}, in declaration order. */
    public List<Function> functions() {
        return resourcesOfType(FUNCTION).stream().map(this::toFunction).toList();
    }

    public Function function(String logicalId) {
        Resource r = resource(logicalId);
        if (!FUNCTION.equals(r.type())) {
            throw new IllegalArgumentException(logicalId + " is a " + r.type() + ", not a " + FUNCTION);
        }
        return toFunction(r);
    }

    /** Resolves intrinsic functions against a stack context. */
    public Intrinsics resolver(Intrinsics.Context context) {
        return new Intrinsics(this, context);
    }

    /** Logical ids of the resources a value refers to (Ref, Fn::GetAtt, ${...} in Fn::Sub); parameters excluded. */
    public Set<String> references(Object value) {
        Set<String> out = new LinkedHashSet<>();
        collectReferences(value, out, Set.of());
        out.retainAll(resources.keySet());
        return out;
    }

    private void collectReferences(Object value, Set<String> out, Set<String> localVars) {
        if (value instanceof Map<?, ?> m) {
            if (m.size() == 1) {
                Object key = m.keySet().iterator().next();
                Object arg = m.values().iterator().next();
                if ("Ref".equals(key) && arg instanceof String s) {
                    out.add(s);
                    return;
                }
                if ("Fn::GetAtt".equals(key)) {
                    if (arg instanceof List<?> l && !l.isEmpty()) {
                        out.add(String.valueOf(l.get(0)));
                    } else if (arg instanceof String s && s.contains(".")) {
                        out.add(s.substring(0, s.indexOf('.')));
                    }
                    return;
                }
                if ("Fn::Sub".equals(key)) {
                    String text;
                    Set<String> vars = new LinkedHashSet<>();
                    if (arg instanceof List<?> l && !l.isEmpty()) {
                        text = String.valueOf(l.get(0));
                        if (l.size() > 1 && l.get(1) instanceof Map<?, ?> varMap) {
                            varMap.keySet().forEach(k -> vars.add(String.valueOf(k)));
                            collectReferences(varMap, out, localVars);
                        }
                    } else {
                        text = String.valueOf(arg);
                    }
                    for (String name : Intrinsics.subVariables(text)) {
                        String id = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                        if (!vars.contains(name) && !id.startsWith("AWS::")) {
                            out.add(id);
                        }
                    }
                    return;
                }
            }
            m.values().forEach(v -> collectReferences(v, out, localVars));
        } else if (value instanceof List<?> l) {
            l.forEach(v -> collectReferences(v, out, localVars));
        }
    }

    /** The implicit HTTP API SAM creates for {@code HttpApi} events without an {@code ApiId}. */
    public static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";

    /**
     * Who may call an HTTP API route, decided as the SAM transform decides it (and API Gateway then enforces it): the
     * event's {@code Auth.Authorizer}, else the API's {@code Auth.DefaultAuthorizer} ({@code Globals.HttpApi.Auth}
     * merged under the API's own); {@code NONE} makes the route public. Scopes: the event's
     * {@code Auth.AuthorizationScopes}, else those declared on the authorizer itself. The implicit API has no
     * default authorizer unless Globals give one. {@code RouteAuthorizationTest} compares this with the real
     * transform's output.
     */
    public RouteAuth routeAuth(HttpApiEvent e) {
        String apiId = e.apiId() == null ? IMPLICIT_HTTP_API
                : e.apiId() instanceof Map<?, ?> m && m.get("Ref") instanceof String s ? s
                : e.apiId() instanceof String s ? s : null;
        if (apiId == null) {
            throw new IllegalArgumentException(e.name() + ": ApiId must be a !Ref of an HttpApi, got " + e.apiId());
        }
        Map<String, Object> apiAuth = new LinkedHashMap<>(map(map(globals().get("HttpApi"), "Globals.HttpApi")
                .get("Auth"), "Globals.HttpApi.Auth"));
        if (resources.containsKey(apiId)) {
            apiAuth.putAll(map(resource(apiId).properties().get("Auth"), apiId + ".Auth"));
        }
        Map<String, Object> routeAuth = map(e.properties().get("Auth"), e.name() + ".Auth");
        String authorizer = text(routeAuth.getOrDefault("Authorizer", apiAuth.get("DefaultAuthorizer")));
        if (authorizer == null || "NONE".equals(authorizer)) {
            return new RouteAuth(apiId, null, List.of());
        }
        Object scopes = routeAuth.containsKey("AuthorizationScopes") ? routeAuth.get("AuthorizationScopes")
                : map(map(apiAuth.get("Authorizers"), apiId + ".Auth.Authorizers").get(authorizer),
                authorizer).get("AuthorizationScopes");
        List<String> scopeList = new ArrayList<>();
        if (scopes instanceof List<?> l) {
            l.forEach(x -> scopeList.add(scalarText(x)));
        }
        return new RouteAuth(apiId, authorizer, List.copyOf(scopeList));
    }

    private Function toFunction(Resource r) {
        Map<String, Object> globals = functionGlobals();
        Map<String, Object> props = r.properties();
        String handler = text(props.getOrDefault("Handler", globals.get("Handler")));
        Object codeUri = props.getOrDefault("CodeUri", globals.get("CodeUri"));
        String runtime = text(props.getOrDefault("Runtime", globals.get("Runtime")));
        Object timeout = props.getOrDefault("Timeout", globals.get("Timeout"));
        Object memory = props.getOrDefault("MemorySize", globals.get("MemorySize"));
        List<Event> events = new ArrayList<>();
        map(props.get("Events"), r.logicalId() + ".Events").forEach((name, v) -> {
            Map<String, Object> e = map(v, r.logicalId() + ".Events." + name);
            events.add(toEvent(r.logicalId(), name, text(e.get("Type")), map(e.get("Properties"), name + ".Properties")));
        });
        // Globals merged with the function's own variables (the function's win), unresolved
        Map<String, Object> env = new LinkedHashMap<>();
        env.putAll(map(map(globals.get("Environment"), "Globals.Function.Environment").get("Variables"), "Variables"));
        env.putAll(map(map(props.get("Environment"), r.logicalId() + ".Environment").get("Variables"), "Variables"));
        return new Function(r.logicalId(), handler, codeUri, runtime,
                intValue(timeout, 3), intValue(memory, 128),
                List.copyOf(events), Collections.unmodifiableMap(env), r);
    }

    private Event toEvent(String function, String name, String type, Map<String, Object> p) {
        if (type == null) {
            throw new IllegalArgumentException(function + ".Events." + name + " has no Type");
        }
        return switch (type) {
            case "HttpApi" -> {
                Map<String, Object> auth = map(p.get("Auth"), name + ".Auth");
                yield new HttpApiEvent(name, text(p.getOrDefault("Method", "ANY")).toUpperCase(Locale.ROOT),
                        text(p.getOrDefault("Path", "/{proxy+}")), p.get("ApiId"),
                        auth.get("Authorizer") == null ? null : text(auth.get("Authorizer")), p);
            }
            case "SQS" -> {
                List<String> responseTypes = new ArrayList<>();
                if (p.get("FunctionResponseTypes") instanceof List<?> l) {
                    l.forEach(x -> responseTypes.add(String.valueOf(x)));
                }
                Object enabled = p.get("Enabled");
                Object window = p.get("MaximumBatchingWindowInSeconds");
                yield new SqsEvent(name, p.get("Queue"),
                        intValue(p.get("BatchSize"), 10),
                        List.copyOf(responseTypes), enabled == null || Boolean.parseBoolean(scalarText(enabled)),
                        intValue(window, 0), p);
            }
            case "Schedule" -> {
                Object enabled = p.get("Enabled");
                yield new ScheduleEvent(name, type, p.get("Schedule"),
                        enabled == null || Boolean.parseBoolean(scalarText(enabled)), p.get("Input"), p);
            }
            case "ScheduleV2" -> {
                Object state = p.get("State");
                yield new ScheduleEvent(name, type, p.get("ScheduleExpression"),
                        state == null || "ENABLED".equalsIgnoreCase(scalarText(state)), p.get("Input"), p);
            }
            case "DynamoDB" -> {
                List<String> responseTypes = new ArrayList<>();
                if (p.get("FunctionResponseTypes") instanceof List<?> l) {
                    l.forEach(x -> responseTypes.add(String.valueOf(x)));
                }
                List<String> patterns = new ArrayList<>();
                for (Object f : p.get("FilterCriteria") instanceof Map<?, ?> fc && fc.get("Filters") instanceof List<?> l
                        ? l : List.of()) {
                    if (f instanceof Map<?, ?> filter && filter.get("Pattern") != null) {
                        patterns.add(text(filter.get("Pattern")));
                    }
                }
                Object enabled = p.get("Enabled");
                Object bisect = p.get("BisectBatchOnFunctionError");
                Object onFailure = p.get("DestinationConfig") instanceof Map<?, ?> dc
                        && dc.get("OnFailure") instanceof Map<?, ?> of ? of.get("Destination") : null;
                yield new StreamEvent(name, type, p.get("Stream"),
                        p.get("StartingPosition") == null ? "LATEST" : text(p.get("StartingPosition")),
                        intValue(p.get("BatchSize"), 100), List.copyOf(responseTypes), List.copyOf(patterns),
                        bisect != null && Boolean.parseBoolean(scalarText(bisect)),
                        intValue(p.get("MaximumRetryAttempts"), -1), onFailure,
                        enabled == null || Boolean.parseBoolean(scalarText(enabled)), p);
            }
            default -> new OtherEvent(name, type, p);
        };
    }

    // ------------------------------------------------------------------ model

    public record Parameter(String name, String type, String defaultValue, List<String> allowedValues) {
    }

    /** A resource as declared: type, properties (long form, unresolved), DependsOn, Condition, Metadata. */
    public record Resource(String logicalId, String type, Map<String, Object> properties, List<String> dependsOn,
                           String condition, Map<String, Object> metadata) {
    }

    /**
     * An {@code AWS::Serverless::Function}: {@code Handler} ({@code pkg.Class::method}), {@code CodeUri}, events,
     * and its environment variables (Globals merged with its own, still unresolved: see
     * {@link Intrinsics#resolveEnvironment(Function)}).
     */
    public record Function(String logicalId, String handler, Object codeUri, String runtime, int timeoutSeconds,
                           int memoryMb, List<Event> events, Map<String, Object> environment, Resource resource) {
        /** The class part of Handler ({@code pkg.Class} of {@code pkg.Class::handleRequest}). */
        public String handlerClass() {
            if (handler == null) {
                return null;
            }
            int i = handler.indexOf("::");
            return i < 0 ? handler : handler.substring(0, i);
        }

        /** The method part of Handler, {@code handleRequest} if not given. */
        public String handlerMethod() {
            if (handler == null) {
                return null;
            }
            int i = handler.indexOf("::");
            return i < 0 ? "handleRequest" : handler.substring(i + 2);
        }

        public <T extends Event> List<T> events(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    public sealed interface Event permits HttpApiEvent, SqsEvent, ScheduleEvent, StreamEvent, OtherEvent {
        String name();

        String type();

        Map<String, Object> properties();
    }

    /**
     * {@code Type: HttpApi}: METHOD (upper case, ANY by default) and path; {@code authorizer} is the event's own
     * {@code Auth.Authorizer} only: {@link SamTemplate#routeAuth} tells who may call the route.
     */
    public record HttpApiEvent(String name, String method, String path, Object apiId, String authorizer,
                               Map<String, Object> properties) implements Event {
        public String type() {
            return "HttpApi";
        }

        /** API Gateway's route key, e.g. {@code GET /v1/reports/{trackingCode}}. */
        public String routeKey() {
            return method + " " + path;
        }
    }

    /** A route's API and authorizer ({@code null}: public) with the scopes it requires. */
    public record RouteAuth(String apiLogicalId, String authorizer, List<String> scopes) {
        public boolean isPublic() {
            return authorizer == null;
        }
    }

    /** {@code Type: SQS}: the queue (an ARN expression, unresolved), BatchSize (10 by default), response types. */
    public record SqsEvent(String name, Object queue, int batchSize, List<String> functionResponseTypes,
                           boolean enabled, int maximumBatchingWindowSeconds, Map<String, Object> properties)
            implements Event {
        public String type() {
            return "SQS";
        }

        public boolean reportsBatchItemFailures() {
            return functionResponseTypes.contains("ReportBatchItemFailures");
        }
    }

    /** {@code Type: Schedule} (EventBridge rule) or {@code ScheduleV2} (EventBridge Scheduler). */
    public record ScheduleEvent(String name, String type, Object expression, boolean enabled, Object input,
                                Map<String, Object> properties) implements Event {
    }

    /**
     * {@code Type: DynamoDB}: the stream (an ARN expression, unresolved), where a new mapping starts, BatchSize (100 by
     * default), response types, the FilterCriteria patterns (JSON text), bisect on error, the retry limit (-1: until
     * the record expires) and the on-failure destination (an ARN expression, or null).
     */
    public record StreamEvent(String name, String type, Object stream, String startingPosition, int batchSize,
                              List<String> functionResponseTypes, List<String> filterPatterns,
                              boolean bisectBatchOnFunctionError, int maximumRetryAttempts, Object onFailureDestination,
                              boolean enabled, Map<String, Object> properties) implements Event {
        public boolean reportsBatchItemFailures() {
            return functionResponseTypes.contains("ReportBatchItemFailures");
        }
    }

    public record OtherEvent(String name, String type, Map<String, Object> properties) implements Event {
    }

    // ------------------------------------------------------------------ helpers

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String where) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(where + " must be a mapping, got: " + value);
    }

    /** A plain number, or the fallback when absent or given as an expression (e.g. !Ref of a parameter). */
    static int intValue(Object value, int fallback) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof String s ? s : scalarText(value);
    }

    static String scalarText(Object value) {
        if (value instanceof Map || value instanceof List) {
            throw new IllegalArgumentException("expected a plain value, got an expression: " + value);
        }
        return String.valueOf(value);
    }
}
