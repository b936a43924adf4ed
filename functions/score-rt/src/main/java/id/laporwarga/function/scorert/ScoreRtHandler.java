package id.laporwarga.function.scorert;

import id.laporwarga.platform.PrimedRequestHandler;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.store.PeriodCaseQueries;
import id.laporwarga.platform.store.RtScoreStore;
import id.laporwarga.platform.tenant.DynamoTenantStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import java.time.Clock;

/**
 * score-rt: scores every RT of every tenant (or of one) for a period. Triggered by the monthly close and the daily
 * provisional schedules (EventBridge Scheduler, Input {@code {"mode":...}}) or invoked on demand with
 * {@code {"tenant":"kotamobagu","period":"2026-10"}}.
 */
public class ScoreRtHandler extends PrimedRequestHandler<ScoreRtRequest, ScoreRtResult> {
    private volatile ScoreRtService service;

    public ScoreRtHandler() {
        super();
    }

    public ScoreRtHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    private ScoreRtService service() {
        if (service == null) {
            var ctx = getApplicationContext();
            service = new ScoreRtService(ctx.getBean(DynamoTenantStore.class), ctx.getBean(PeriodCaseQueries.class),
                    ctx.getBean(RtScoreStore.class));
        }
        return service;
    }

    /** Before the SnapStart snapshot: the scoring service and its stores. */
    @Override
    protected void prime(ApplicationContext ctx) {
        service();
    }

    @Override
    public ScoreRtResult execute(ScoreRtRequest request) {
        JsonLog.clear();
        JsonLog.put("function", "ScoreRt");
        ScoreRtRequest r = request == null ? new ScoreRtRequest(null, null, ScoreRtRequest.CLOSE) : request;
        try {
            return service().run(r, Clock.systemUTC().instant());
        } finally {
            JsonLog.clear();
        }
    }
}
