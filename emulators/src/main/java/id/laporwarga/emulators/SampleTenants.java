package id.laporwarga.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The sample tenants of the repository's {@code sample-data/} folder (one folder per tenant: {@code tenant.json}
 * without boundaries, plus {@code <tenant>.geojson}), composed into full tenant documents and onboarded into a
 * provisioned stack.
 *
 * <p>Onboarding goes through the platform's own code ({@code TenantDocuments.parse} then
 * {@code DynamoTenantStore.save}, wired by Micronaut from the stack's environment exactly like a function). This
 * module cannot depend on the platform module (the platform's tests depend on this one), so that code is reached by
 * reflection and must be on the classpath; {@link #onboard(ProvisionedStack, String, Writer)} takes any other writer.
 */
public final class SampleTenants {
    public static final String KOTAMOBAGU = "kotamobagu";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(SampleTenants.class.getName());

    /** Stores a composed tenant document; returns true if the tenant was new. */
    @FunctionalInterface
    public interface Writer {
        boolean save(String tenantId, String documentJson);
    }

    private SampleTenants() {
    }

    /** The repository's {@code sample-data/} (system property {@code laporwarga.sampleData} overrides). */
    public static Path directory() {
        String override = System.getProperty("laporwarga.sampleData");
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        return SamTemplate.findRepositoryTemplate().getParent().resolve("sample-data");
    }

    /** Ids of the sample tenants (folders holding a tenant.json). */
    public static List<String> ids() {
        try (Stream<Path> dirs = Files.list(directory())) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("tenant.json")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory(), e);
        }
    }

    /** The full tenant document: tenant.json with the folder's GeoJSON inserted as {@code "boundaries"}. */
    public static String document(String tenantId) {
        Path dir = directory().resolve(tenantId);
        try {
            JsonNode tenant = JSON.readTree(Files.readString(dir.resolve("tenant.json")));
            if (!(tenant instanceof ObjectNode doc)) {
                throw new IllegalArgumentException(dir.resolve("tenant.json") + " is not a JSON object");
            }
            if (doc.has("boundaries")) {
                throw new IllegalArgumentException(dir.resolve("tenant.json") + " must not hold boundaries; "
                        + "they come from the .geojson file beside it");
            }
            Path geojson = dir.resolve(tenantId + ".geojson");
            if (!Files.isRegularFile(geojson)) {
                try (Stream<Path> files = Files.list(dir)) {
                    geojson = files.filter(f -> f.toString().endsWith(".geojson")).findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("no .geojson in " + dir));
                }
            }
            doc.set("boundaries", JSON.readTree(Files.readString(geojson)));
            return JSON.writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample tenant " + tenantId + " from " + dir, e);
        }
    }

    /** Onboards a sample tenant unless the stack's table already holds it; returns true if it was stored now. */
    public static boolean onboardIfAbsent(ProvisionedStack stack, String tenantId) {
        try (PlatformStore store = PlatformStore.open(environment(stack))) {
            if (store.exists(tenantId)) {
                return false;
            }
            store.save(tenantId, document(tenantId));
            LOG.log(System.Logger.Level.INFO, "onboarded sample tenant " + tenantId + " into " + stack.stackName());
            return true;
        }
    }

    /** Onboards every sample tenant that is absent; returns the ids stored now. */
    public static List<String> onboardAllIfAbsent(ProvisionedStack stack) {
        List<String> stored = new ArrayList<>();
        try (PlatformStore store = PlatformStore.open(environment(stack))) {
            for (String id : ids()) {
                if (!store.exists(id)) {
                    store.save(id, document(id));
                    stored.add(id);
                }
            }
        }
        return stored;
    }

    /** Onboards (overwrites) a sample tenant through the platform's tenant store. */
    public static boolean onboard(ProvisionedStack stack, String tenantId) {
        try (PlatformStore store = PlatformStore.open(environment(stack))) {
            return store.save(tenantId, document(tenantId));
        }
    }

    /** Onboards a sample tenant through any writer (for example a PUT to the tenant admin function). */
    public static boolean onboard(ProvisionedStack stack, String tenantId, Writer writer) {
        return writer.save(tenantId, document(tenantId));
    }

    /**
     * The environment the platform's tenant store is wired with: the emulators' endpoints and keys plus
     * {@code TABLE_NAME} (the Globals' TABLE_NAME if the template has one, else its only DynamoDB table) and the
     * Globals' {@code BOUNDARIES_BUCKET} when the template has one.
     */
    public static Map<String, String> environment(ProvisionedStack stack) {
        Map<String, String> env = new LinkedHashMap<>(stack.aws().clientEnvironment());
        Map<?, ?> globals = SamTemplate.map(stack.template().functionGlobals().get("Environment"), "Environment")
                .get("Variables") instanceof Map<?, ?> vars ? vars : Map.of();
        Object globalTable = globals.get("TABLE_NAME");
        // the boundary files' bucket (tenants' polygons are stored apart from their document items)
        if (globals.get("BOUNDARIES_BUCKET") != null) {
            env.put("BOUNDARIES_BUCKET", stack.resolveString(globals.get("BOUNDARIES_BUCKET")));
        }
        if (globalTable != null) {
            env.put("TABLE_NAME", stack.resolveString(globalTable));
        } else {
            List<String> tables = stack.resources().values().stream()
                    .filter(p -> StackProvisioner.TABLE.equals(p.type())).map(ProvisionedStack.Physical::ref).toList();
            if (tables.size() != 1) {
                throw new IllegalStateException("cannot tell the tenants' table: Globals has no TABLE_NAME and the "
                        + "stack has " + tables.size() + " tables");
            }
            env.put("TABLE_NAME", tables.get(0));
        }
        return env;
    }

    /** The platform's DynamoTenantStore in a small Micronaut context, reached by reflection (see class doc). */
    private static final class PlatformStore implements AutoCloseable {
        private final AutoCloseable context;
        private final Object store;
        private final Object json;
        private final Method document;
        private final Method save;
        private final Method tree;
        private final Method parse;

        private PlatformStore(AutoCloseable context, Object store, Object json) throws ReflectiveOperationException {
            this.context = context;
            this.store = store;
            this.json = json;
            this.document = method(store.getClass(), "document", 1);
            this.save = method(store.getClass(), "save", 2);
            this.tree = method(json.getClass(), "tree", 1);
            this.parse = method(Class.forName("id.laporwarga.platform.tenant.TenantDocuments"), "parse", 2);
        }

        static PlatformStore open(Map<String, String> env) {
            try {
                Class<?> envClass = Class.forName("id.laporwarga.platform.FunctionEnvironment");
                Object functionEnv = envClass.getConstructor(Map.class).newInstance(env);
                Class<?> contextClass = Class.forName("io.micronaut.context.ApplicationContext");
                Class<?> builderClass = Class.forName("io.micronaut.context.ApplicationContextBuilder");
                Object builder = contextClass.getMethod("builder").invoke(null);
                builder = builderClass.getMethod("singletons", Object[].class).invoke(builder,
                        (Object) new Object[] {functionEnv});
                Object context = builderClass.getMethod("start").invoke(builder);
                Method getBean = contextClass.getMethod("getBean", Class.class);
                try {
                    Object store = getBean.invoke(context,
                            Class.forName("id.laporwarga.platform.tenant.DynamoTenantStore"));
                    Object json = getBean.invoke(context, Class.forName("id.laporwarga.platform.json.Json"));
                    return new PlatformStore((AutoCloseable) context, store, json);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    ((AutoCloseable) context).close();
                    throw e;
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("onboarding a sample tenant needs the platform module (lapor-platform) "
                        + "on the classpath: " + e.getMessage(), e);
            } catch (InvocationTargetException e) {
                throw unwrap(e);
            } catch (Exception e) {
                throw new IllegalStateException("cannot wire the platform's tenant store: " + e, e);
            }
        }

        boolean exists(String tenantId) {
            try {
                return ((Optional<?>) document.invoke(store, tenantId)).isPresent();
            } catch (InvocationTargetException e) {
                throw unwrap(e);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        boolean save(String tenantId, String doc) {
            try {
                Object tenant = parse.invoke(null, tree.invoke(json, doc), tenantId);
                return (Boolean) save.invoke(store, tenant, doc);
            } catch (InvocationTargetException e) {
                throw unwrap(e);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            try {
                context.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "closing the tenant store's context: " + e);
            }
        }

        private static Method method(Class<?> type, String name, int params) throws NoSuchMethodException {
            return Arrays.stream(type.getMethods())
                    .filter(m -> m.getName().equals(name) && m.getParameterCount() == params)
                    .findFirst().orElseThrow(() -> new NoSuchMethodException(type.getName() + "." + name));
        }

        private static RuntimeException unwrap(InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                return r;
            }
            return new IllegalStateException(cause);
        }
    }
}
