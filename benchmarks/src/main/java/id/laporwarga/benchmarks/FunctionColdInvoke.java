package id.laporwarga.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import id.laporwarga.platform.aws.AwsCallRecorder;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold invocation of any function, as the Lambda Java runtime does it: load the handler class named in the
 * template and construct it with its no-arg constructor (the init phase; the process environment is its
 * configuration), then deserialize the event with the runtime's own serializers (events classes with
 * {@code LambdaEventSerializers}, anything else with its Jackson factory) and invoke the handler once.
 *
 * <p>Runs in a fresh JVM whose classpath is exactly the function's Lambda package (see {@link ColdStartAllBenchmark});
 * it may therefore only use classes of that package and of the runtime's serialization library.
 * Args: {@code <handler class> <event.json>}. Prints {@code status=}, {@code ok=}, {@code awsCalls=},
 * {@code awsCallsByOperation=}, {@code constructMs=}, {@code invokeMs=}.
 */
public final class FunctionColdInvoke {
    public static void main(String[] args) throws Exception {
        // Lambda's order: the init phase loads and constructs the handler (its static initializers run first); then the
        // invoke phase deserializes the event and calls the handler
        long t0 = System.nanoTime();
        Class<?> handlerClass = Class.forName(args[0]);
        @SuppressWarnings("unchecked")
        RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>) handlerClass.getConstructor().newInstance();
        long t1 = System.nanoTime();
        Object event;
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            event = readEvent(inputType(handlerClass), in);
        }
        long t2 = System.nanoTime();
        Object result = handler.handleRequest(event, null);
        long t3 = System.nanoTime();
        String status;
        boolean ok;
        if (result instanceof APIGatewayV2HTTPResponse r) {
            status = String.valueOf(r.getStatusCode());
            ok = r.getStatusCode() < 500;
        } else if (result instanceof SQSBatchResponse r) {
            int failed = r.getBatchItemFailures() == null ? 0 : r.getBatchItemFailures().size();
            status = failed == 0 ? "batch ok" : failed + " failed";
            ok = true;
        } else {
            status = result == null ? "null" : result.getClass().getSimpleName();
            ok = true;
        }
        System.out.println("status=" + status);
        System.out.println("ok=" + ok);
        System.out.println("awsCalls=" + AwsCallRecorder.total());
        System.out.println("awsCallsByOperation=" + AwsCallRecorder.snapshot());
        System.out.println("constructMs=" + (t1 - t0) / 1_000_000);
        System.out.println("readEventMs=" + (t2 - t1) / 1_000_000);
        System.out.println("invokeMs=" + (t3 - t2) / 1_000_000);
        System.out.flush();
        // like Lambda, the process ends after the response (no orderly context shutdown in the measurement)
        Runtime.getRuntime().halt(ok ? 0 : 2);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object readEvent(Class<?> type, InputStream in) {
        if (type.getName().startsWith("com.amazonaws.services.lambda.runtime.events.")) {
            return LambdaEventSerializers.serializerFor((Class) type, FunctionColdInvoke.class.getClassLoader()).fromJson(in);
        }
        return JacksonFactory.getInstance().getSerializer((Class) type).fromJson(in);
    }

    /** The event type: the parameter of the most specific non-bridge {@code execute(I)} of the handler. */
    static Class<?> inputType(Class<?> handlerClass) {
        for (Class<?> c = handlerClass; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals("execute") && m.getParameterCount() == 1 && !m.isBridge()
                        && !Modifier.isAbstract(m.getModifiers()) && m.getParameterTypes()[0] != Object.class) {
                    return m.getParameterTypes()[0];
                }
            }
        }
        throw new IllegalArgumentException(handlerClass + " has no execute(I) method");
    }
}
