package id.laporwarga.function.routetoagency;

import id.laporwarga.domain.notice.StepAlerts;
import id.laporwarga.domain.report.CaseEvent;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.log.JsonLog;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * What the step-alert function does with one case event: reads it ({@link CaseEvents}) and hands it to
 * {@link StepAlerts}, which alerts the RT head, kelurahan, kecamatan or city acting in the step the case entered.
 */
@Singleton
public class OfficialAlerts {
    private static final JsonLog LOG = JsonLog.get(OfficialAlerts.class);

    private final StepAlerts alerts;
    private final Json json;

    public OfficialAlerts(StepAlerts alerts, Json json) {
        this.alerts = alerts;
        this.json = json;
    }

    public void process(String body) {
        CaseEvent event = CaseEvents.parse(json, body);
        JsonLog.put("caseId", event.caseId());
        Optional<StepAlerts.StepAlert> alert = alerts.handle(event);
        LOG.info(alert.isPresent() ? "step_alert.sent" : "step_alert.none", "eventType", event.eventType(),
                "status", event.status() == null ? null : event.status().name(),
                "role", alert.map(a -> a.role().name()).orElse(null), "area", alert.map(a -> a.area()).orElse(null));
    }

    /** Before the SnapStart snapshot: the parser on a sample event (nothing is read or sent). */
    void prime() {
        CaseEvents.parse(json, "{\"eventType\":\"case.status_changed\",\"caseId\":\"prime\"}");
    }
}
