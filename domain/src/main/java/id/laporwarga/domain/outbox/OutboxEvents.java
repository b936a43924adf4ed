package id.laporwarga.domain.outbox;

import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.routing.AgencyAlert;
import id.laporwarga.domain.routing.CitizenNotice;
import id.laporwarga.domain.time.IndonesianTime;
import id.laporwarga.domain.workflow.CitizenNoticeText;
import id.laporwarga.domain.workflow.StepRule;
import id.laporwarga.domain.workflow.TransitionEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outbox messages of the platform, built from the case as it is written (ids, codes and text only: a message
 * never carries the reporter's contact). Each id is deterministic in the case version written, so the same change
 * retried yields the same ids.
 */
public final class OutboxEvents {
    public static final String AGENCY_ALERT = "agency-alert";
    public static final String CITIZEN_NOTICE = "citizen-notice";
    public static final String INSTITUTION_EMAIL = "institution-email";
    /** The notice type of a referral e-mailed to the external institution (the notice function sends it). */
    public static final String REFERRAL_INSTITUTION_NOTICE = "case.referral_institution";
    public static final String SUPERVISOR_ALERT = "supervisor-alert";
    /** The notice type of a status change told to the reporter (the SMS gateway's contract). */
    public static final String STATUS_CHANGED_NOTICE = "case.status_changed";
    /** The alert type of a missed step deadline (supervisors' subscriptions). */
    public static final String OVERDUE_ALERT = "case.overdue";

    private OutboxEvents() {
    }

    /**
     * A transition's event on the case-events topic. The body keeps the fields consumers read since the first
     * version ({@code eventType, caseId, tenantId, kind, category, status, version, occurredAt}) and adds what the
     * transition says; the attributes {@code eventType, tenant, kind, category, status} are what subscriptions filter
     * on.
     */
    public static OutboxEvent caseEvent(TransitionEvent e, ReportCase after) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", e.eventId());
        body.put("eventType", e.eventType());
        body.put("caseId", e.caseId());
        body.put("tenantId", e.tenantId());
        body.put("kind", e.kind() == null ? null : e.kind().name());
        body.put("category", after.category());
        body.put("status", e.to().name());
        body.put("version", e.version());
        body.put("occurredAt", e.occurredAt() == null ? null : e.occurredAt().toString());
        body.put("move", e.move());
        body.put("from", e.from() == null ? null : e.from().name());
        body.put("stepEntered", e.stepEntered() == null ? null : e.stepEntered().name());
        body.put("whoActsRole", e.whoActs() == null ? null : e.whoActs().role().name());
        body.put("whoActsScope", e.whoActs() == null ? null : e.whoActs().scope().name());
        body.put("supervisor", e.supervisor() == null ? null : e.supervisor().name());
        body.put("actorRole", e.actorRole() == null ? null : e.actorRole().name());
        body.put("deadlineAt", e.deadlineAt() == null ? null : e.deadlineAt().toString());
        body.put("agencyId", after.assignment() == null ? null : after.assignment().agencyId());
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("eventType", e.eventType());
        attributes.put("tenant", e.tenantId());
        attributes.put("kind", e.kind() == null ? null : e.kind().name());
        attributes.put("category", after.category());
        attributes.put("status", e.to().name());
        return new OutboxEvent(e.eventId(), OutboxEvent.Channel.CASE_EVENTS, e.eventType(), e.caseId(), e.tenantId(),
                body, attributes, null, null);
    }

    /** The alert to the owner of {@code routed} (as written): the payload for agencies' systems, with its id. */
    public static OutboxEvent agencyAlert(ReportCase routed, AgencyAlert alert) {
        String id = id(routed, AGENCY_ALERT);
        Map<String, Object> payload = new LinkedHashMap<>(alert.payload());
        payload.put("eventId", id);
        return new OutboxEvent(id, OutboxEvent.Channel.AGENCY_ALERTS, AGENCY_ALERT, routed.caseId(),
                routed.tenantId(), payload, alert.attributes(), alert.subject(), alert.emailBody());
    }

    /** The id the alert of {@code routed} (as written) gets: what the case records as the alert's delivery. */
    public static String agencyAlertId(ReportCase routed) {
        return id(routed, AGENCY_ALERT);
    }

    /** A referral notice to the reporter (route-to-agency): the institution's name, never the contact. */
    public static OutboxEvent referralNotice(ReportCase referred, CitizenNotice notice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", id(referred, CITIZEN_NOTICE));
        body.put("noticeType", notice.noticeType());
        body.put("tenant", notice.tenantId());
        body.put("caseId", notice.caseId());
        body.put("trackingCode", notice.trackingCode());
        body.put("referredTo", notice.referredTo());
        body.put("text", Map.of("id", notice.text().id(), "en", notice.text().en()));
        return new OutboxEvent(id(referred, CITIZEN_NOTICE), OutboxEvent.Channel.CITIZEN_NOTICES, CITIZEN_NOTICE,
                referred.caseId(), referred.tenantId(), body,
                Map.of("tenant", notice.tenantId(), "noticeType", notice.noticeType(), "channel", "sms"), null, null);
    }

    /**
     * The referral of {@code referred} (as written) to the external institution, to be e-mailed by the notice function
     * to {@code address} (the institution's e-mail in the tenant document: tenant data, never the reporter's): the
     * Indonesian subject and text of {@code alert} (no reporter identity, no photo link).
     */
    public static OutboxEvent referralEmail(ReportCase referred, String address, AgencyAlert alert) {
        String id = id(referred, INSTITUTION_EMAIL);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", id);
        body.put("noticeType", REFERRAL_INSTITUTION_NOTICE);
        body.put("tenant", referred.tenantId());
        body.put("caseId", referred.caseId());
        body.put("trackingCode", referred.trackingCode());
        body.put("institutionEmail", address);
        body.put("subject", alert.subject());
        body.put("text", Map.of("id", alert.emailBody()));
        return new OutboxEvent(id, OutboxEvent.Channel.CITIZEN_NOTICES, INSTITUTION_EMAIL, referred.caseId(),
                referred.tenantId(), body, Map.of("channel", "email", "tenant", referred.tenantId(), "noticeType",
                REFERRAL_INSTITUTION_NOTICE), null, null);
    }

    /** The id a referral notice of {@code referred} (as written) gets. */
    public static String citizenNoticeId(ReportCase referred) {
        return id(referred, CITIZEN_NOTICE);
    }

    /** The reporter's SMS about the case's new status (only for a reporter who left a contact). */
    public static OutboxEvent statusNotice(ReportCase after, Instant at) {
        String id = id(after, CITIZEN_NOTICE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", id);
        body.put("noticeType", STATUS_CHANGED_NOTICE);
        body.put("tenant", after.tenantId());
        body.put("caseId", after.caseId());
        body.put("trackingCode", after.trackingCode());
        body.put("status", after.status().name());
        body.put("text", Map.of("id", CitizenNoticeText.of(after, at), "en", CitizenNoticeText.english(after, at)));
        return new OutboxEvent(id, OutboxEvent.Channel.CITIZEN_NOTICES, CITIZEN_NOTICE, after.caseId(),
                after.tenantId(), body,
                Map.of("channel", "sms", "tenant", after.tenantId(), "noticeType", STATUS_CHANGED_NOTICE), null, null);
    }

    /** The supervisor's alert of a step whose deadline passed ({@code overdue} as written, marked overdue). */
    public static OutboxEvent supervisorAlert(ReportCase overdue, StepRule step) {
        String id = id(overdue, SUPERVISOR_ALERT);
        String role = step.supervisor() == null ? "CITY_ADMIN" : step.supervisor().name();
        ZoneId zone = overdue.timeZone() == null ? IndonesianTime.WIB : ZoneId.of(overdue.timeZone());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", id);
        body.put("alertType", OVERDUE_ALERT);
        body.put("tenant", overdue.tenantId());
        body.put("caseId", overdue.caseId());
        body.put("trackingCode", overdue.trackingCode());
        body.put("kind", overdue.kind().name());
        body.put("status", overdue.status().name());
        body.put("deadlineAt", overdue.deadlineAt() == null ? null : overdue.deadlineAt().toString());
        body.put("supervisorRole", role);
        if (overdue.assignment() != null && overdue.assignment().agencyId() != null) {
            body.put("agencyId", overdue.assignment().agencyId());
        }
        if (overdue.area() != null) {
            body.put("kecamatanCode", overdue.area().kecamatanCode());
            body.put("kelurahanCode", overdue.area().kelurahanCode());
        }
        body.put("text", "Tenggat langkah \"" + overdue.status().label().id() + "\" laporan " + overdue.trackingCode()
                + " terlewati (" + (overdue.deadlineAt() == null ? "-"
                : IndonesianTime.display(overdue.deadlineAt(), zone)) + "). Mohon segera ditindaklanjuti.");
        return new OutboxEvent(id, OutboxEvent.Channel.SUPERVISOR_ALERTS, SUPERVISOR_ALERT, overdue.caseId(),
                overdue.tenantId(), body, Map.of("alertType", OVERDUE_ALERT, "tenant", overdue.tenantId(), "role", role,
                        "status", overdue.status().name()), null, null);
    }

    private static String id(ReportCase written, String type) {
        return written.caseId() + "#" + type + "#" + written.version();
    }
}
