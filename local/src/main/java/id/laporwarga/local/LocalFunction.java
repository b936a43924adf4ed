package id.laporwarga.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import id.laporwarga.emulators.SamTemplate;
import id.laporwarga.platform.FunctionEnvironment;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.time.Clock;
import java.util.Map;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;

/**
 * One {@code AWS::Serverless::Function} of the template, run in this JVM like Lambda runs it: each handler instance
 * handles one event at a time; when all instances are busy a new one is created ("cold start"), up to
 * {@code maxConcurrency}, after which callers wait, first come first served. Instances are built with the handler's
 * {@code (ApplicationContextBuilder)} constructor and the function's own {@link FunctionEnvironment}, so functions with
 * different environments share the JVM.
 */
public final class LocalFunction implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LocalFunction.class.getName());

    /** The JSON a {@link RequestStreamHandler} wrote. */
    private final List<Consumer<Object>> resultListeners = new CopyOnWriteArrayList<>();

    public record RawJson(String json) {
    }

    private final SamTemplate.Function definition;
    private final Map<String, String> environment;
    private final Clock clock;
    private final String functionName;
    private final String functionArn;
    private final Class<?> handlerClass;
    private final Constructor<?> constructor;
    private final Type inputType;
    private final int maxConcurrency;
    /**
     * One permit per instance that may exist; a caller holds one from {@link #borrow()} to {@link #release(Object)}.
     * Fair: when every instance is busy, callers get one in the order they asked. (A deque's take let a newcomer grab
     * an instance just released while a caller that had waited longer went back to the end of the queue: under load
     * some requests waited several turns, which lengthened the latency's tail.)
     */
    private final Semaphore permits;
    /** Idle instances, the most recently used first. */
    private final Deque<Object> idle = new ConcurrentLinkedDeque<>();
    private final List<Object> all = new ArrayList<>();
    private int created;
    private volatile boolean closed;

    private LocalFunction(SamTemplate.Function definition, Map<String, String> environment, Clock clock,
                          String functionName, String functionArn, Class<?> handlerClass, int maxConcurrency)
            throws NoSuchMethodException {
        this.definition = definition;
        this.environment = Map.copyOf(environment);
        this.clock = clock;
        this.functionName = functionName;
        this.functionArn = functionArn;
        this.handlerClass = handlerClass;
        this.constructor = handlerClass.getConstructor(ApplicationContextBuilder.class);
        this.inputType = RequestHandler.class.isAssignableFrom(handlerClass)
                ? resolveTypeArgument(handlerClass, RequestHandler.class, 0) : null;
        this.maxConcurrency = Math.max(1, maxConcurrency);
        this.permits = new Semaphore(this.maxConcurrency, true);
        if (!RequestHandler.class.isAssignableFrom(handlerClass)
                && !RequestStreamHandler.class.isAssignableFrom(handlerClass)) {
            throw new IllegalArgumentException(handlerClass.getName() + " implements neither RequestHandler nor "
                    + "RequestStreamHandler");
        }
    }

    /**
     * Loads the handler class named in the template and creates the first instance (so configuration errors show at
     * start). Throws {@link ClassNotFoundException} if the class is not on the classpath. Every instance gets
     * {@code clock} as its {@link Clock} bean (the runner's one {@link LocalClock}).
     */
    static LocalFunction load(SamTemplate.Function definition, Map<String, String> environment, Clock clock,
                              String functionName, String functionArn, int maxConcurrency, ClassLoader loader)
            throws ReflectiveOperationException {
        if (definition.handlerClass() == null) {
            throw new ClassNotFoundException(definition.logicalId() + " has no Handler");
        }
        Class<?> type = Class.forName(definition.handlerClass(), false, loader);
        LocalFunction f = new LocalFunction(definition, environment, clock, functionName, functionArn, type,
                maxConcurrency);
        try {
            f.release(f.borrow());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + definition.logicalId(), e);
        }
        return f;
    }

    public String logicalId() {
        return definition.logicalId();
    }

    public SamTemplate.Function definition() {
        return definition;
    }

    /** The environment the function's instances see (template variables plus the emulators' endpoints). */
    public Map<String, String> environment() {
        return environment;
    }

    public String functionName() {
        return functionName;
    }

    public Class<?> handlerClass() {
        return handlerClass;
    }

    /** The handler's event type (RequestHandler's first type argument); null for stream handlers. */
    public Type inputType() {
        return inputType;
    }

    /** Handler instances created so far. */
    public synchronized int instances() {
        return created;
    }

    /**
     * Invokes the handler with an event (an {@code APIGatewayV2HTTPEvent}, {@code SQSEvent}, ...) and returns its
     * result; a stream handler's output comes back as {@link RawJson}. Exceptions of the handler propagate.
     */
    public Object invoke(Object event) {
        Object result = invokeHandler(event);
        for (Consumer<Object> listener : resultListeners) {
            listener.accept(result);
        }
        return result;
    }

    /** Called with each result of this function (what the local stack emulates downstream of it, e.g. an S3 event). */
    public void onResult(Consumer<Object> listener) {
        resultListeners.add(listener);
    }

    private Object invokeHandler(Object event) {
        Object handler;
        try {
            handler = borrow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a free instance of " + logicalId());
        }
        try {
            LocalLambdaContext context = new LocalLambdaContext(functionName, functionArn, definition.memoryMb(),
                    definition.timeoutSeconds());
            if (handler instanceof RequestHandler<?, ?> rh) {
                @SuppressWarnings("unchecked")
                RequestHandler<Object, Object> h = (RequestHandler<Object, Object>) rh;
                return h.handleRequest(event, context);
            }
            RequestStreamHandler sh = (RequestStreamHandler) handler;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            sh.handleRequest(new ByteArrayInputStream(toJson(event)), out, context);
            return new RawJson(out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            release(handler);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static byte[] toJson(Object event) {
        if (event instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        if (event.getClass().getName().startsWith("com.amazonaws.services.lambda.runtime.events.")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var serializer = LambdaEventSerializers.serializerFor((Class) event.getClass(),
                    LocalFunction.class.getClassLoader());
            serializer.toJson(event, out);
            return out.toByteArray();
        }
        return Jsons.write(event).getBytes(StandardCharsets.UTF_8);
    }

    private Object borrow() throws InterruptedException, IllegalStateException {
        if (closed) {
            throw new IllegalStateException(logicalId() + " is shut down");
        }
        permits.acquire();
        boolean handedOut = false;
        try {
            if (closed) {
                throw new IllegalStateException(logicalId() + " is shut down");
            }
            Object h = idle.pollFirst();
            if (h == null) {
                // every other permit holder uses or creates one instance: fewer than maxConcurrency exist
                h = create();
            }
            handedOut = true;
            return h;
        } finally {
            if (!handedOut) {
                permits.release();
            }
        }
    }

    private Object create() {
        synchronized (this) {
            created++;
        }
        try {
            long start = System.nanoTime();
            Object instance = constructor.newInstance(
                    ApplicationContext.builder().singletons(new FunctionEnvironment(environment), clock));
            synchronized (this) {
                all.add(instance);
            }
            LOG.log(Level.DEBUG, logicalId() + ": new instance in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            return instance;
        } catch (InvocationTargetException e) {
            synchronized (this) {
                created--;
            }
            Throwable cause = e.getCause();
            throw new IllegalStateException("cannot create " + handlerClass.getName() + " for " + logicalId() + ": "
                    + cause, cause);
        } catch (ReflectiveOperationException | RuntimeException e) {
            synchronized (this) {
                created--;
            }
            throw new IllegalStateException("cannot create " + handlerClass.getName() + ": " + e, e);
        }
    }

    private void release(Object handler) {
        if (!closed) {
            idle.addFirst(handler);
        }
        permits.release();
    }

    @Override
    public void close() {
        closed = true;
        List<Object> instances;
        synchronized (this) {
            instances = new ArrayList<>(all);
            all.clear();
        }
        idle.clear();
        for (Object h : instances) {
            if (h instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.log(Level.DEBUG, "closing " + logicalId() + ": " + e);
                }
            }
        }
    }

    /** The actual type bound to {@code target}'s type parameter {@code index} in {@code type}'s hierarchy. */
    static Type resolveTypeArgument(Class<?> type, Class<?> target, int index) {
        return resolve(type, target, index, new HashMap<>());
    }

    private static Type resolve(Type type, Class<?> target, int index, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw;
        if (type instanceof ParameterizedType p) {
            raw = (Class<?>) p.getRawType();
            TypeVariable<?>[] vars = raw.getTypeParameters();
            Type[] args = p.getActualTypeArguments();
            for (int i = 0; i < vars.length; i++) {
                Type a = args[i];
                bindings.put(vars[i], a instanceof TypeVariable<?> tv && bindings.containsKey(tv) ? bindings.get(tv) : a);
            }
        } else if (type instanceof Class<?> c) {
            raw = c;
        } else {
            return Object.class;
        }
        if (raw == target) {
            Type t = raw.getTypeParameters()[index];
            Type bound = bindings.get((TypeVariable<?>) t);
            return bound == null || bound instanceof TypeVariable<?> ? Object.class : bound;
        }
        List<Type> supers = new ArrayList<>();
        if (raw.getGenericSuperclass() != null) {
            supers.add(raw.getGenericSuperclass());
        }
        supers.addAll(List.of(raw.getGenericInterfaces()));
        for (Type s : supers) {
            Class<?> sRaw = s instanceof ParameterizedType p ? (Class<?>) p.getRawType() : s instanceof Class<?> c ? c : null;
            if (sRaw != null && target.isAssignableFrom(sRaw)) {
                return resolve(s, target, index, bindings);
            }
        }
        return Object.class;
    }
}
