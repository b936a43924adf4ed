package id.laporwarga.local.testfns;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Records every batch of the stream it is given, by item key. An item whose {@code fail} attribute is {@code once}
 * is reported failed the first time it is seen (partial batch failure), {@code always} every time; {@code boom} makes
 * the whole invocation throw the first time. The records before the first failed one are {@link #DONE}.
 */
public class StreamRecorderHandler extends MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> {
    /** The keys of each batch, in order. */
    public static final Queue<List<String>> BATCHES = new ConcurrentLinkedQueue<>();
    /** The keys of the records each response made done (all, or those before the failed one). */
    public static final Queue<String> DONE = new ConcurrentLinkedQueue<>();
    private static final Map<String, Integer> SEEN = new ConcurrentHashMap<>();

    public StreamRecorderHandler() {
        super();
    }

    public StreamRecorderHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    public StreamsEventResponse execute(DynamodbEvent event) {
        List<String> keys = new ArrayList<>();
        event.getRecords().forEach(r -> keys.add(r.getDynamodb().getKeys().get("pk").getS()));
        BATCHES.add(keys);
        List<String> done = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords()) {
            String key = r.getDynamodb().getKeys().get("pk").getS();
            var failAttribute = r.getDynamodb().getNewImage().get("fail");
            String fail = failAttribute == null ? "" : failAttribute.getS();
            int seen = SEEN.merge(key, 1, Integer::sum);
            if ("boom".equals(fail) && seen == 1) {
                throw new IllegalStateException("boom on " + key);
            }
            if ("always".equals(fail) || ("once".equals(fail) && seen == 1)) {
                DONE.addAll(done);
                return new StreamsEventResponse(List.of(
                        new StreamsEventResponse.BatchItemFailure(r.getDynamodb().getSequenceNumber())));
            }
            done.add(key);
        }
        DONE.addAll(done);
        return new StreamsEventResponse(new ArrayList<>());
    }
}
