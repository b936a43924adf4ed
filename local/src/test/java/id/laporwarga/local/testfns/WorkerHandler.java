package id.laporwarga.local.testfns;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Fails messages whose body starts with "fail" (partial batch failure) and whole batches holding "boom". */
public class WorkerHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {
    /** body|ApproximateReceiveCount|eventSourceARN of every message seen. */
    public static final Queue<String> SEEN = new ConcurrentLinkedQueue<>();

    public WorkerHandler() {
        super();
    }

    public WorkerHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        boolean boom = false;
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            SEEN.add(m.getBody() + "|" + m.getAttributes().get("ApproximateReceiveCount") + "|" + m.getEventSourceArn()
                    + "|" + (m.getMessageAttributes().containsKey("kind")
                    ? m.getMessageAttributes().get("kind").getStringValue() : ""));
            if (m.getBody().startsWith("fail")) {
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(m.getMessageId()).build());
            }
            boom |= m.getBody().equals("boom");
        }
        if (boom) {
            throw new IllegalStateException("boom");
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
