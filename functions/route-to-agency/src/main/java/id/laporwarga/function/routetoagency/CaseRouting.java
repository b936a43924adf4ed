package id.laporwarga.function.routetoagency;

import id.laporwarga.domain.report.CaseEvent;
import id.laporwarga.domain.routing.RouteCaseService;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.log.JsonLog;
import jakarta.inject.Singleton;

/**
 * One message of the routing queue: a {@code case.verified} / {@code case.rerouted} event, routed and alerted once (the
 * alert is an outbox event of the routing's write; a redelivery finds the event's processed mark).
 */
@Singleton
public class CaseRouting {
    private static final JsonLog LOG = JsonLog.get(CaseRouting.class);
    static final String PRIMING_EVENT = "{\"eventType\":\"case.verified\",\"caseId\":\"priming\",\"tenantId\":\"priming\","
            + "\"kind\":\"COMPLAINT\",\"status\":\"VERIFIED\",\"version\":1,\"occurredAt\":\"2026-01-01T00:00:00Z\"}";

    private final RouteCaseService service;
    private final Json json;

    public CaseRouting(RouteCaseService service, Json json) {
        this.service = service;
        this.json = json;
    }

    /** Before the SnapStart snapshot: the case-event parser (nothing is routed). */
    void prime() {
        CaseEvents.parse(json, PRIMING_EVENT);
    }

    /** Routes the case of the event and writes the owner's alert, once per event. */
    public void process(String messageBody) {
        CaseEvent caseEvent = CaseEvents.parse(json, messageBody);
        JsonLog.put("caseId", caseEvent.caseId());
        JsonLog.put("tenant", caseEvent.tenantId());
        JsonLog.put("eventType", caseEvent.eventType());
        JsonLog.put("eventId", caseEvent.dedupeId());
        RouteCaseService.Result result = service.handle(caseEvent);
        LOG.info("case_routing", "outcome", result.outcome().name(),
                "status", result.status() == null ? null : result.status().name(),
                "agencyId", result.agencyId(), "queued", result.queued(), "reason", result.reason());
    }
}
