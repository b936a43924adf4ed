package id.laporwarga.platform.aws;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts AWS API calls per {@code Service.Operation} (e.g. {@code DynamoDb.Query}) made through the platform's
 * clients. Cheap enough to stay on in production; benchmarks print it and tests assert on it (for example that the
 * overdue finder never issues a {@code Scan}).
 */
public final class AwsCallRecorder implements ExecutionInterceptor {
    private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        CALLS.computeIfAbsent(service + "." + operation, k -> new LongAdder()).increment();
    }

    /** Calls so far, by {@code Service.Operation}, sorted. */
    public static Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        CALLS.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public static long count(String serviceDotOperation) {
        LongAdder adder = CALLS.get(serviceDotOperation);
        return adder == null ? 0 : adder.sum();
    }

    public static long total() {
        return CALLS.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public static void reset() {
        CALLS.clear();
    }
}
