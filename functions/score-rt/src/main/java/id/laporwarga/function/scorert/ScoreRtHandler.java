package id.laporwarga.function.scorert;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import id.laporwarga.platform.PrimedRequestHandler;
import id.laporwarga.platform.SqsBatch;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

/**
 * score-rt: scores one tenant's RTs for a period per message of the score jobs queue ({@link ScoreRtService}). The
 * monthly close and the daily provisional schedules fan out one message per tenant (TenantJobsFunction), so one large
 * or failing tenant never holds up the others; a message that keeps failing lands in the dead-letter queue with its
 * tenant. Body: {@code {"tenant":"kotamobagu","mode":"close"}} or {@code {"tenant":"kotamobagu","period":"2026-10"}}.
 */
public class ScoreRtHandler extends PrimedRequestHandler<SQSEvent, SQSBatchResponse> {
    @Inject
    Provider<ScoreRtService> service;

    public ScoreRtHandler() {
        super();
    }

    public ScoreRtHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    /** Before the SnapStart snapshot: the scoring service and its stores. */
    @Override
    protected void prime(ApplicationContext ctx) {
        service.get();
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return SqsBatch.process(event, "ScoreRt", "scores.job_failed", m -> service.get().process(m.getBody()));
    }
}
