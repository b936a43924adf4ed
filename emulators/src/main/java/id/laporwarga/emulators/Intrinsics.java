package id.laporwarga.emulators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation intrinsic functions in template values: {@code Ref} (parameters, pseudo parameters,
 * resources), {@code Fn::Sub} (both forms), {@code Fn::GetAtt}, {@code Fn::Join}, {@code Fn::Select},
 * {@code Fn::Split}, {@code Fn::If} with {@code Conditions} ({@code Fn::Equals/Not/And/Or}, {@code Condition}),
 * {@code Fn::FindInMap}, {@code Fn::Base64}, {@code Fn::GetAZs}, {@code Fn::ToJsonString}, {@code Fn::Length} and
 * {@code AWS::NoValue}. Anything else ({@code Fn::ImportValue}, {@code Fn::Cidr}, ...) fails with
 * {@link UnsupportedIntrinsicException}.
 */
public final class Intrinsics {
    private static final Pattern SUB_VAR = Pattern.compile("\\$\\{([^}]*)}");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What {@code Ref: AWS::NoValue} resolves to; removed from the enclosing map or list. */
    private static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };

    /** What a template is resolved against: the stack's identity and its resources' physical ids and attributes. */
    public interface Context {
        String stackName();

        String region();

        String accountId();

        default String partition() {
            return "aws";
        }

        default String urlSuffix() {
            return "amazonaws.com";
        }

        /** Parameter overrides (defaults come from the template). */
        default Map<String, String> parameterOverrides() {
            return Map.of();
        }

        /** What {@code Ref} of a resource returns (table name, queue URL, topic ARN, bucket name, ...). */
        String ref(String logicalId);

        /** What {@code Fn::GetAtt} returns (Queue.Arn, Topic.TopicName, Table.Arn, ...). */
        String attribute(String logicalId, String attribute);
    }

    public static final class UnsupportedIntrinsicException extends IllegalArgumentException {
        public UnsupportedIntrinsicException(String message) {
            super(message);
        }
    }

    private final SamTemplate template;
    private final Context context;
    private final Map<String, String> parameters;
    private final Map<String, Boolean> conditionCache = new LinkedHashMap<>();

    Intrinsics(SamTemplate template, Context context) {
        this.template = template;
        this.context = context;
        Map<String, String> p = new LinkedHashMap<>(template.parameterDefaults());
        context.parameterOverrides().forEach((k, v) -> {
            if (!template.parameters().containsKey(k)) {
                throw new IllegalArgumentException("parameter override " + k + " is not a parameter of the template; "
                        + "parameters: " + template.parameters().keySet());
            }
            p.put(k, v);
        });
        template.parameters().values().forEach(param -> {
            String v = p.get(param.name());
            if (v != null && !param.allowedValues().isEmpty() && !param.allowedValues().contains(v)) {
                throw new IllegalArgumentException("parameter " + param.name() + "=" + v + " is not one of "
                        + param.allowedValues());
            }
        });
        this.parameters = p;
    }

    /** Parameter values in force (defaults and overrides). */
    public Map<String, String> parameters() {
        return Map.copyOf(parameters);
    }

    /** Resolves every intrinsic in a value (maps and lists recursively). */
    public Object resolve(Object value) {
        Object v = resolveInner(value);
        return v == NO_VALUE ? null : v;
    }

    /** Resolves a value that must end up as a string (numbers and booleans are turned into text). */
    public String resolveString(Object value) {
        Object v = resolve(value);
        if (v == null) {
            return null;
        }
        if (v instanceof Map || v instanceof List) {
            throw new IllegalArgumentException("expected a string, got " + v + " (from " + value + ")");
        }
        return String.valueOf(v);
    }

    /** A function's environment variables (Globals merged with its own), resolved. */
    public Map<String, String> resolveEnvironment(SamTemplate.Function function) {
        Map<String, String> out = new LinkedHashMap<>();
        function.environment().forEach((k, v) -> {
            try {
                String s = resolveString(v);
                if (s != null) {
                    out.put(k, s);
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(function.logicalId() + " environment variable " + k + ": "
                        + e.getMessage(), e);
            }
        });
        return out;
    }

    /** Evaluates a condition declared under {@code Conditions}. */
    public boolean condition(String name) {
        Boolean cached = conditionCache.get(name);
        if (cached != null) {
            return cached;
        }
        Object declared = template.conditions().get(name);
        if (declared == null) {
            throw new IllegalArgumentException("no condition " + name + " in the template");
        }
        boolean result = truth(resolveInner(declared), "condition " + name);
        conditionCache.put(name, result);
        return result;
    }

    private Object resolveInner(Object value) {
        if (value instanceof Map<?, ?> m) {
            if (m.size() == 1) {
                String key = String.valueOf(m.keySet().iterator().next());
                Object arg = m.values().iterator().next();
                if ("Ref".equals(key) || key.startsWith("Fn::") || ("Condition".equals(key) && arg instanceof String)) {
                    return intrinsic(key, arg);
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                Object r = resolveInner(v);
                if (r != NO_VALUE) {
                    out.put(String.valueOf(k), r);
                }
            });
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object v : l) {
                Object r = resolveInner(v);
                if (r != NO_VALUE) {
                    out.add(r);
                }
            }
            return out;
        }
        return value;
    }

    private Object intrinsic(String fn, Object arg) {
        return switch (fn) {
            case "Ref" -> ref(stringArg(fn, resolveInner(arg)));
            case "Condition" -> condition(stringArg(fn, arg));
            case "Fn::Sub" -> sub(arg);
            case "Fn::GetAtt" -> getAtt(arg);
            case "Fn::Join" -> {
                List<?> a = listArg(fn, arg, 2);
                String delimiter = stringArg(fn, resolveInner(a.get(0)));
                Object items = resolveInner(a.get(1));
                if (!(items instanceof List<?> list)) {
                    throw new IllegalArgumentException("Fn::Join needs a list, got " + items);
                }
                List<String> parts = new ArrayList<>();
                list.forEach(x -> parts.add(scalar(fn, x)));
                yield String.join(delimiter, parts);
            }
            case "Fn::Select" -> {
                List<?> a = listArg(fn, arg, 2);
                int index = Integer.parseInt(scalar(fn, resolveInner(a.get(0))));
                Object items = resolveInner(a.get(1));
                if (!(items instanceof List<?> list) || index < 0 || index >= list.size()) {
                    throw new IllegalArgumentException("Fn::Select index " + index + " out of " + items);
                }
                yield list.get(index);
            }
            case "Fn::Split" -> {
                List<?> a = listArg(fn, arg, 2);
                String delimiter = stringArg(fn, resolveInner(a.get(0)));
                String source = scalar(fn, resolveInner(a.get(1)));
                yield new ArrayList<>(List.of(source.split(Pattern.quote(delimiter), -1)));
            }
            case "Fn::If" -> {
                List<?> a = listArg(fn, arg, 3);
                yield condition(stringArg(fn, a.get(0))) ? resolveInner(a.get(1)) : resolveInner(a.get(2));
            }
            case "Fn::Equals" -> {
                List<?> a = listArg(fn, arg, 2);
                yield scalar(fn, resolveInner(a.get(0))).equals(scalar(fn, resolveInner(a.get(1))));
            }
            case "Fn::Not" -> !truth(resolveInner(listArg(fn, arg, 1).get(0)), fn);
            case "Fn::And" -> {
                boolean all = true;
                for (Object c : listArg(fn, arg, -1)) {
                    all &= truth(resolveInner(c), fn);
                }
                yield all;
            }
            case "Fn::Or" -> {
                boolean any = false;
                for (Object c : listArg(fn, arg, -1)) {
                    any |= truth(resolveInner(c), fn);
                }
                yield any;
            }
            case "Fn::FindInMap" -> {
                List<?> a = listArg(fn, arg, 3);
                String mapName = scalar(fn, resolveInner(a.get(0)));
                String top = scalar(fn, resolveInner(a.get(1)));
                String second = scalar(fn, resolveInner(a.get(2)));
                Object level1 = template.mappings().get(mapName);
                Object level2 = level1 instanceof Map<?, ?> m1 ? m1.get(top) : null;
                Object found = level2 instanceof Map<?, ?> m2 ? m2.get(second) : null;
                if (found == null) {
                    throw new IllegalArgumentException("Fn::FindInMap: no " + mapName + "." + top + "." + second);
                }
                yield resolveInner(found);
            }
            case "Fn::Base64" -> Base64.getEncoder().encodeToString(
                    scalar(fn, resolveInner(arg)).getBytes(StandardCharsets.UTF_8));
            case "Fn::GetAZs" -> new ArrayList<>(List.of(context.region() + "a", context.region() + "b",
                    context.region() + "c"));
            case "Fn::Length" -> {
                Object items = resolveInner(arg);
                if (!(items instanceof List<?> list)) {
                    throw new IllegalArgumentException("Fn::Length needs a list, got " + items);
                }
                yield list.size();
            }
            case "Fn::ToJsonString" -> {
                try {
                    yield JSON.writeValueAsString(resolveInner(arg));
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(e);
                }
            }
            default -> throw new UnsupportedIntrinsicException("intrinsic function " + fn + " is not supported by the "
                    + "local emulators (value: {" + fn + ": " + arg + "}); supported: Ref, Fn::Sub, Fn::GetAtt, "
                    + "Fn::Join, Fn::Select, Fn::Split, Fn::If, Fn::Equals, Fn::Not, Fn::And, Fn::Or, Fn::FindInMap, "
                    + "Fn::Base64, Fn::GetAZs, Fn::Length, Fn::ToJsonString, Condition");
        };
    }

    private Object ref(String name) {
        if (name.startsWith("AWS::")) {
            return switch (name) {
                case "AWS::StackName" -> context.stackName();
                case "AWS::Region" -> context.region();
                case "AWS::AccountId" -> context.accountId();
                case "AWS::Partition" -> context.partition();
                case "AWS::URLSuffix" -> context.urlSuffix();
                // a stack id's UUID is random on AWS; here it is derived from the stack name, so that names built
                // from it (e.g. bucket names with its last part) stay stable for a stack and differ between stacks
                case "AWS::StackId" -> "arn:" + context.partition() + ":cloudformation:" + context.region() + ":"
                        + context.accountId() + ":stack/" + context.stackName() + "/" + java.util.UUID.nameUUIDFromBytes(
                        ("stack:" + context.stackName()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                case "AWS::NoValue" -> NO_VALUE;
                case "AWS::NotificationARNs" -> new ArrayList<>();
                default -> throw new UnsupportedIntrinsicException("unknown pseudo parameter " + name);
            };
        }
        SamTemplate.Parameter param = template.parameters().get(name);
        if (param != null) {
            String v = parameters.get(name);
            if (v == null) {
                throw new IllegalArgumentException("parameter " + name + " has no Default and no override");
            }
            if (param.type().startsWith("List<") || param.type().equals("CommaDelimitedList")) {
                return new ArrayList<>(List.of(v.split("\\s*,\\s*")));
            }
            return v;
        }
        if (template.resources().containsKey(name)) {
            return context.ref(name);
        }
        throw new IllegalArgumentException("Ref to " + name + ": neither a parameter nor a resource of the template");
    }

    private Object getAtt(Object arg) {
        String resource;
        String attribute;
        if (arg instanceof String s && s.contains(".")) {
            resource = s.substring(0, s.indexOf('.'));
            attribute = s.substring(s.indexOf('.') + 1);
        } else {
            List<?> a = listArg("Fn::GetAtt", arg, 2);
            resource = scalar("Fn::GetAtt", resolveInner(a.get(0)));
            attribute = scalar("Fn::GetAtt", resolveInner(a.get(1)));
        }
        if (!template.resources().containsKey(resource)) {
            throw new IllegalArgumentException("Fn::GetAtt " + resource + "." + attribute + ": no such resource");
        }
        return context.attribute(resource, attribute);
    }

    private String sub(Object arg) {
        String text;
        Map<String, Object> vars = new LinkedHashMap<>();
        if (arg instanceof String s) {
            text = s;
        } else {
            List<?> a = listArg("Fn::Sub", arg, 2);
            text = stringArg("Fn::Sub", a.get(0));
            if (!(a.get(1) instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("Fn::Sub's second element must be a mapping");
            }
            m.forEach((k, v) -> vars.put(String.valueOf(k), resolveInner(v)));
        }
        Matcher matcher = SUB_VAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).trim();
            String replacement;
            if (name.startsWith("!")) {
                replacement = "${" + name.substring(1) + "}";
            } else if (vars.containsKey(name)) {
                replacement = scalar("Fn::Sub", vars.get(name));
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                replacement = scalar("Fn::Sub", getAtt(name));
            } else {
                replacement = scalar("Fn::Sub", ref(name));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Names inside ${...} of a Fn::Sub string (escapes ${!x} excluded). */
    static List<String> subVariables(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = SUB_VAR.matcher(text);
        while (m.find()) {
            String name = m.group(1).trim();
            if (!name.startsWith("!")) {
                out.add(name);
            }
        }
        return out;
    }

    private static boolean truth(Object v, String where) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException(where + ": expected a condition (true/false), got " + v);
    }

    private static List<?> listArg(String fn, Object arg, int size) {
        if (!(arg instanceof List<?> l) || (size >= 0 && l.size() < size)) {
            throw new IllegalArgumentException(fn + " needs a list" + (size >= 0 ? " of " + size : "") + ", got " + arg);
        }
        return l;
    }

    private static String stringArg(String fn, Object arg) {
        if (arg instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(fn + " needs a string here, got " + arg);
    }

    private static String scalar(String fn, Object v) {
        if (v == null || v == NO_VALUE || v instanceof Map || v instanceof List) {
            throw new IllegalArgumentException(fn + " needs a plain value here, got " + v);
        }
        return String.valueOf(v);
    }
}
