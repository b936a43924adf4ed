package id.laporwarga.local.testfns;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A scheduled function taking the event as a map (EventBridge's JSON). */
public class TickHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {
    public static final AtomicInteger RUNS = new AtomicInteger();

    public TickHandler() {
        super();
    }

    public TickHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    public Map<String, Object> execute(Map<String, Object> event) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", RUNS.incrementAndGet());
        out.put("source", event.get("source"));
        out.put("detailType", event.get("detail-type"));
        out.put("job", event.get("job"));
        return out;
    }
}
