package id.laporwarga.platform.aws;

import id.laporwarga.domain.report.CaseEvent;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.time.IndonesianTime;
import id.laporwarga.domain.workflow.ActionRule;
import id.laporwarga.domain.workflow.CitizenNoticeText;
import id.laporwarga.domain.workflow.ReviewOutbox;
import id.laporwarga.domain.workflow.StepRule;
import id.laporwarga.domain.workflow.TransitionEvent;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.store.ProcessedMarkers;
import id.laporwarga.domain.port.TenantCatalog;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes what a workflow move means to others, after it is stored:
 * <ul>
 *   <li>{@code case.status_changed} on the case-events topic for every move, and {@code case.rerouted} for ROUTE
 *       actions (route-to-agency then alerts the newly assigned agency; the event's {@code occurredAt} equals the
 *       assignment's {@code routedAt}, so it delivers rather than routes again);</li>
 *   <li>an Indonesian notice on the citizen-notices topic (attribute {@code channel=sms}) only when the reporter left
 *       a phone; the body carries ids and text, never the phone (the SMS gateway looks it up by caseId);</li>
 *   <li>the supervisor's alert on the supervisor-alerts topic, once per case and deadline (a conditional-put
 *       marker), with attribute {@code role} naming the supervising role so each role's queue filters on it.</li>
 * </ul>
 * A failed publish is logged and does not undo the stored move.
 */
@Singleton
public class SnsReviewOutbox implements ReviewOutbox {
    private static final JsonLog LOG = JsonLog.get(SnsReviewOutbox.class);
    static final String ALERT_SCOPE = "supervisor-alert";
    static final java.util.Set<String> INTAKE_EVENTS = java.util.Set.of(TransitionEvent.NEEDS_INFO,
            TransitionEvent.INFO_PROVIDED, TransitionEvent.HANDED_BACK, TransitionEvent.MERGED);

    private final SnsClient sns;
    private final CaseEventPublisher events;
    private final ProcessedMarkers markers;
    private final TenantCatalog tenants;
    private final Json json;
    private final FunctionEnvironment env;

    public SnsReviewOutbox(SnsClient sns, CaseEventPublisher events, ProcessedMarkers markers, TenantCatalog tenants,
                           Json json, FunctionEnvironment env) {
        this.sns = sns;
        this.events = events;
        this.markers = markers;
        this.tenants = tenants;
        this.json = json;
        this.env = env;
    }

    @Override
    public void statusChanged(ReportCase before, ReportCase after, ActionRule action) {
        Instant at = after.updatedAt();
        try {
            events.publish(CaseEvent.of(CaseEvent.STATUS_CHANGED, after, at));
            // intake moves the notifier acts on: the question to the reporter, the answer, the agency's hand-back
            String type = TransitionEvent.typeOf(action, before.status(), after.status(), null);
            if (INTAKE_EVENTS.contains(type)) {
                events.publish(CaseEvent.of(type, after, at));
            }
            if (action.effect() == ActionRule.Effect.ROUTE) {
                Instant routedAt = after.assignment() != null && after.assignment().routedAt() != null
                        ? after.assignment().routedAt() : at;
                events.publish(CaseEvent.of(CaseEvent.REROUTED, after, routedAt));
            }
        } catch (RuntimeException e) {
            LOG.error("case_event.publish_failed", e, "caseId", after.caseId(), "status", after.status().name());
        }
        // referrals are announced by route-to-agency with the institution's name
        if (after.reporter() != null && after.reporter().hasContact() && after.status() != CaseStatus.REFERRED_EXTERNAL) {
            try {
                publishCitizenNotice(after, at);
            } catch (RuntimeException e) {
                LOG.error("citizen_notice.publish_failed", e, "caseId", after.caseId());
            }
        }
    }

    private void publishCitizenNotice(ReportCase c, Instant at) {
        int autoClose = tenants.find(c.tenantId()).map(t -> t.policies().sla().autoCloseWorkingDays()).orElse(10);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("noticeType", CaseEvent.STATUS_CHANGED);
        body.put("tenant", c.tenantId());
        body.put("caseId", c.caseId());
        body.put("trackingCode", c.trackingCode());
        body.put("status", c.status().name());
        body.put("text", Map.of("id", CitizenNoticeText.of(c, at, autoClose)));
        String topic = env.require(FunctionEnvironment.CITIZEN_NOTICES_TOPIC_ARN);
        sns.publish(r -> r.topicArn(topic).message(json.write(body)).messageAttributes(attributes(Map.of(
                "channel", "sms", "tenant", c.tenantId(), "noticeType", CaseEvent.STATUS_CHANGED))));
        LOG.info("citizen_notice.published", "caseId", c.caseId(), "status", c.status().name());
    }

    @Override
    public boolean overdue(ReportCase c, StepRule step, Instant now) {
        String id = c.caseId() + "#" + (c.deadlineAt() == null ? "none" : c.deadlineAt().toEpochMilli());
        if (!markers.markIfFirst(ALERT_SCOPE, id, now)) {
            return false;
        }
        try {
            String role = step.supervisor() == null ? "CITY_ADMIN" : step.supervisor().name();
            ZoneId zone = c.timeZone() == null ? IndonesianTime.WIB : ZoneId.of(c.timeZone());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("alertType", "case.overdue");
            body.put("tenant", c.tenantId());
            body.put("caseId", c.caseId());
            body.put("trackingCode", c.trackingCode());
            body.put("kind", c.kind().name());
            body.put("status", c.status().name());
            body.put("deadlineAt", c.deadlineAt() == null ? null : c.deadlineAt().toString());
            body.put("supervisorRole", role);
            if (c.assignment() != null && c.assignment().agencyId() != null) {
                body.put("agencyId", c.assignment().agencyId());
            }
            if (c.area() != null) {
                body.put("kecamatanCode", c.area().kecamatanCode());
                body.put("kelurahanCode", c.area().kelurahanCode());
            }
            body.put("text", "Tenggat langkah \"" + c.status().label().id() + "\" laporan " + c.trackingCode()
                    + " terlewati (" + (c.deadlineAt() == null ? "-" : IndonesianTime.display(c.deadlineAt(), zone))
                    + "). Mohon segera ditindaklanjuti.");
            String topic = env.require(FunctionEnvironment.SUPERVISOR_ALERTS_TOPIC_ARN);
            sns.publish(r -> r.topicArn(topic).message(json.write(body)).messageAttributes(attributes(Map.of(
                    "alertType", "case.overdue", "tenant", c.tenantId(), "role", role, "status", c.status().name()))));
            LOG.info("supervisor_alert.published", "caseId", c.caseId(), "status", c.status().name(), "role", role);
            return true;
        } catch (RuntimeException e) {
            markers.unmark(ALERT_SCOPE, id);
            throw e;
        }
    }

    private static Map<String, MessageAttributeValue> attributes(Map<String, String> values) {
        Map<String, MessageAttributeValue> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                out.put(k, MessageAttributeValue.builder().dataType("String").stringValue(v).build());
            }
        });
        return out;
    }
}
