package id.laporwarga.function.scorert;

import id.laporwarga.domain.port.PeriodCases;
import id.laporwarga.domain.port.Roster;
import id.laporwarga.domain.port.RtScores;
import id.laporwarga.domain.scoring.PeriodScores;
import id.laporwarga.domain.scoring.RtScoreEngine;
import id.laporwarga.domain.scoring.ScorePeriod;
import id.laporwarga.domain.scoring.ScoringPolicy;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.tenant.TenantResolver;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Runs the score engine over one tenant's period (one job message), reading cases by period and storing the result. */
@Singleton
public class ScoreRtService {
    private static final JsonLog LOG = JsonLog.get(ScoreRtService.class);
    private final TenantResolver tenants;
    private final PeriodCases queries;
    private final RtScores store;
    private final Roster roster;
    private final Json json;
    private final Clock clock;

    public ScoreRtService(TenantResolver tenants, PeriodCases queries, RtScores store, Roster roster, Json json,
                          Clock clock) {
        this.roster = roster;
        this.tenants = tenants;
        this.queries = queries;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** One message of the score jobs queue ({@link ScoreRtRequest} as JSON, naming its tenant). */
    public ScoreRtResult process(String body) {
        return run(json.read(body, ScoreRtRequest.class));
    }

    /** Scores the tenant the request names (400 without one, 404 when it is not onboarded). */
    public ScoreRtResult run(ScoreRtRequest request) {
        Instant now = clock.instant();
        JsonLog.put("tenant", request.tenant());
        Tenant tenant = tenants.requireNamed(request.tenant());
        return new ScoreRtResult(List.of(score(tenant, period(request, tenant, now), now)));
    }

    /** The period a request means, in the tenant's zone: the one named, yesterday's month, or the last closed one. */
    static ScorePeriod period(ScoreRtRequest request, Tenant tenant, Instant now) {
        if (request.period() == null && ScoreRtRequest.PROVISIONAL.equals(request.mode())) {
            // the daily run starts just after local midnight: score the month of the day that just ended
            return ScorePeriod.containing(now.minus(Duration.ofHours(12)), tenant.zone());
        }
        return ScorePeriod.requested(request.period(), tenant.zone(), now);
    }

    ScoreRtResult.TenantRun score(Tenant tenant, ScorePeriod period, Instant now) {
        long started = System.nanoTime();
        ScoringPolicy policy = tenant.policies().scoring();
        // only rostered RTs are scored; every active one is listed, with 0 when it had no approved activity
        RtScoreEngine.Run run = new RtScoreEngine(policy, tenant.calendar()).start(tenant.id(), period, now,
                roster.list(tenant.id()));
        queries.forEachCase(tenant, period.periodsToRead(policy.lookbackMonths()), run::accept);
        PeriodScores scores = run.finish();
        boolean saved = store.save(scores, now);
        long ms = (System.nanoTime() - started) / 1_000_000;
        String status = scores.provisional() ? RtScores.PROVISIONAL : RtScores.FINAL;
        LOG.info(saved ? "scores.saved" : "scores.skipped_closed_period", "tenant", tenant.id(), "period", period.id(),
                "status", status, "casesRead", scores.casesRead(), "rtScored", scores.rtScores().size(),
                "unrosteredSkipped", run.unrosteredSkipped(),
                "durationMs", ms);
        return new ScoreRtResult.TenantRun(tenant.id(), period.id(), status, scores.casesRead(),
                scores.rtScores().size(), saved, ms);
    }
}
