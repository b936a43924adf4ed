package id.laporwarga.function.scorert;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.port.TenantCatalog;
import id.laporwarga.domain.scoring.PeriodScores;
import id.laporwarga.domain.scoring.RtScoreEngine;
import id.laporwarga.domain.scoring.ScorePeriod;
import id.laporwarga.domain.scoring.ScoringPolicy;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.store.PeriodCaseQueries;
import id.laporwarga.platform.store.RtScoreStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the score engine over one tenant's period, reading cases with queries and storing the result. */
final class ScoreRtService {
    private static final JsonLog LOG = JsonLog.get(ScoreRtService.class);
    private final TenantCatalog tenants;
    private final PeriodCaseQueries queries;
    private final RtScoreStore store;

    ScoreRtService(TenantCatalog tenants, PeriodCaseQueries queries, RtScoreStore store) {
        this.tenants = tenants;
        this.queries = queries;
        this.store = store;
    }

    ScoreRtResult run(ScoreRtRequest request, Instant now) {
        List<Tenant> targets;
        if (request.tenant() != null) {
            targets = List.of(tenants.find(request.tenant()).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND,
                    LocalizedText.of("Pemda tidak dikenal: " + request.tenant(), "Unknown tenant: " + request.tenant()))));
        } else {
            targets = tenants.all();
        }
        List<ScoreRtResult.TenantRun> runs = new ArrayList<>();
        for (Tenant tenant : targets) {
            ScorePeriod period = period(request, tenant, now);
            runs.add(score(tenant, period, now));
        }
        return new ScoreRtResult(runs);
    }

    /** The period a request means, in the tenant's zone. */
    static ScorePeriod period(ScoreRtRequest request, Tenant tenant, Instant now) {
        if (request.period() != null) {
            try {
                return ScorePeriod.parse(request.period(), tenant.zone());
            } catch (IllegalArgumentException e) {
                throw DomainException.validation(Map.of("period", LocalizedText.of("format yyyy-MM", "format yyyy-MM")));
            }
        }
        if (ScoreRtRequest.PROVISIONAL.equals(request.mode())) {
            // the daily run starts just after local midnight: score the month of the day that just ended
            return ScorePeriod.containing(now.minus(Duration.ofHours(12)), tenant.zone());
        }
        return ScorePeriod.containing(now, tenant.zone()).previous();
    }

    ScoreRtResult.TenantRun score(Tenant tenant, ScorePeriod period, Instant now) {
        long started = System.nanoTime();
        ScoringPolicy policy = tenant.policies().scoring();
        RtScoreEngine.Run run = new RtScoreEngine(policy, tenant.calendar()).start(tenant.id(), period, now);
        queries.forEachCase(tenant, period.periodsToRead(policy.lookbackMonths()), run::accept);
        PeriodScores scores = run.finish();
        boolean saved = store.save(scores, now);
        long ms = (System.nanoTime() - started) / 1_000_000;
        String status = scores.provisional() ? RtScoreStore.PROVISIONAL : RtScoreStore.FINAL;
        LOG.info(saved ? "scores.saved" : "scores.skipped_closed_period", "tenant", tenant.id(), "period", period.id(),
                "status", status, "casesRead", scores.casesRead(), "rtScored", scores.rtScores().size(),
                "durationMs", ms);
        return new ScoreRtResult.TenantRun(tenant.id(), period.id(), status, scores.casesRead(),
                scores.rtScores().size(), saved, ms);
    }
}
