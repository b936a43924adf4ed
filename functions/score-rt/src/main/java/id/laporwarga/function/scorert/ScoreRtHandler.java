package id.laporwarga.function.scorert;

import id.laporwarga.platform.PrimedRequestHandler;
import id.laporwarga.platform.log.JsonLog;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

/**
 * score-rt: scores every RT of every tenant (or of one) for a period ({@link ScoreRtService}). Triggered by the monthly
 * close and the daily provisional schedules (EventBridge Scheduler, Input {@code {"mode":...}}) or invoked on demand
 * with {@code {"tenant":"kotamobagu","period":"2026-10"}}.
 */
public class ScoreRtHandler extends PrimedRequestHandler<ScoreRtRequest, ScoreRtResult> {
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
    public ScoreRtResult execute(ScoreRtRequest request) {
        JsonLog.clear();
        JsonLog.put("function", "ScoreRt");
        try {
            return service.get().run(request == null ? new ScoreRtRequest(null, null, ScoreRtRequest.CLOSE) : request);
        } finally {
            JsonLog.clear();
        }
    }
}
