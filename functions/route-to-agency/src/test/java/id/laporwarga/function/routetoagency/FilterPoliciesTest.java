package id.laporwarga.function.routetoagency;

import id.laporwarga.platform.aws.SnsStepAlertPublisher;
import id.laporwarga.domain.workflow.WorkflowCatalog;
import id.laporwarga.domain.workflow.Workflow;
import id.laporwarga.domain.workflow.WhoActs;
import id.laporwarga.domain.workflow.StepRule;
import id.laporwarga.domain.report.CaseEvent;
import id.laporwarga.domain.notice.StepAlerts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.geo.AdminBoundary;
import id.laporwarga.domain.geo.AdminLevel;
import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.report.Assignment;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.routing.AgencyAlert;
import id.laporwarga.domain.routing.AgencyAlertMessages;
import id.laporwarga.domain.routing.AgencyFilterPolicy;
import id.laporwarga.domain.routing.CaseRouter;
import id.laporwarga.domain.routing.RoutingDecision;
import id.laporwarga.domain.tenant.Agency;
import id.laporwarga.domain.tenant.Category;
import id.laporwarga.domain.tenant.NotificationChannel;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.tenant.TenantPolicies;
import id.laporwarga.domain.time.IndonesianTime;
import id.laporwarga.emulators.SamTemplate;
import id.laporwarga.platform.aws.AgencySubscriptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import software.amazon.event.ruler.Machine;

/**
 * Every filter policy the code creates, checked with AWS's own matcher (event-ruler). SNS evaluates a policy of the
 * default scope against the message attributes, each attribute being a top-level field of the event.
 */
class FilterPoliciesTest {
    private static final Instant NOW = Instant.parse("2026-11-24T01:00:00Z");
    private static final AreaRef MOGOLAING = new AreaRef("71.74.04", "Kotamobagu Barat", "71.74.04.1003", "Mogolaing",
            AreaRef.KelurahanMatch.INSIDE);

    static Tenant tenant(String id) {
        var square = new GeometryFactory().createPolygon(new Coordinate[] {new Coordinate(124.2, 0.6),
                new Coordinate(124.4, 0.6), new Coordinate(124.4, 0.8), new Coordinate(124.2, 0.8),
                new Coordinate(124.2, 0.6)});
        List<Agency> agencies = List.of(
                new Agency("dlh", "Dinas Lingkungan Hidup", false, List.of(
                        new NotificationChannel(NotificationChannel.Type.EMAIL, "dlh@" + id + ".go.id"),
                        new NotificationChannel(NotificationChannel.Type.SQS, "arn:aws:sqs:ap-southeast-3:111122223333:" + id + "-dlh"))),
                new Agency("dishub", "Dinas Perhubungan", false, List.of(
                        new NotificationChannel(NotificationChannel.Type.HTTPS, "https://dishub." + id + ".go.id/hooks/lapor"))),
                // a kecamatan office and Satpol PP read the same shared inbox
                new Agency("satpolpp", "Satpol PP", false, List.of(
                        new NotificationChannel(NotificationChannel.Type.EMAIL, "ketertiban@" + id + ".go.id"))),
                new Agency("kec-barat", "Kecamatan Kotamobagu Barat", false, List.of(
                        new NotificationChannel(NotificationChannel.Type.EMAIL, "ketertiban@" + id + ".go.id"))),
                new Agency("kominfo", "Diskominfo", false, List.of(
                        new NotificationChannel(NotificationChannel.Type.EMAIL, "admin@" + id + ".go.id"))),
                new Agency("pln", "PLN UP3 Kotamobagu", true, List.of()),
                // the kelurahan office follows the RT activity review chain of Mogolaing
                new Agency("kel-mogolaing", "Kelurahan Mogolaing", false, List.of(
                        new NotificationChannel(NotificationChannel.Type.EMAIL, "mogolaing@" + id + ".go.id")),
                        List.of("71.74.04.1003")));
        List<Category> categories = List.of(
                new Category("sampah", "Sampah", "dlh", Map.of(), Set.of()),
                new Category("parkir", "Parkir liar", "dishub", Map.of(), Set.of()),
                new Category("ketertiban", "Ketertiban umum", "satpolpp", Map.of("71.74.04", "kec-barat"), Set.of()),
                new Category("listrik", "Listrik padam", "pln", Map.of(), Set.of()));
        return new Tenant(id, "Pemerintah " + id, IndonesianTime.WITA,
                List.of(new AdminBoundary(AdminLevel.KECAMATAN, "71.74.04", "Kotamobagu Barat", null, square)),
                categories, agencies, new TenantPolicies(null, null, null, "kominfo"));
    }

    /** The alert the service would publish for a verified complaint of this category. */
    static AgencyAlert alertFor(Tenant tenant, String category, String alertType) {
        return alertFor(tenant, CaseKind.COMPLAINT, category, alertType);
    }

    static AgencyAlert alertFor(Tenant tenant, CaseKind kind, String category, String alertType) {
        ReportCase c = new ReportCase("case-" + category, tenant.id(), "Asia/Makassar", "KTG-7K3M-9QXD",
                kind, category, "uraian", new GeoPoint(0.7376, 124.2851), MOGOLAING, null,
                Privacy.ANONYMOUS, null, List.of(), CaseStatus.VERIFIED, 3, List.of(), NOW, NOW, null, false,
                List.of(), null, null, null);
        RoutingDecision d = new CaseRouter().decide(tenant, c, NOW);
        ReportCase routed = new ReportCase.Builder(c.transition(d.status(), "route", "system", "system", null, NOW,
                d.dueAt())).assignment(new Assignment(d.agencyId(), d.agencyName(), false, NOW, d.dueAt(), List.of()))
                .build();
        return AgencyAlertMessages.build(tenant, routed, alertType, id -> "https://console.example/#/cases/" + id);
    }

    /** SNS message attributes (all String) as the event event-ruler sees: one top-level field each. */
    static String event(Map<String, String> attributes) {
        StringBuilder sb = new StringBuilder("{");
        attributes.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":\"")
                .append(v).append('"'));
        return sb.append('}').toString();
    }

    static boolean matches(String policy, String event) throws Exception {
        Machine machine = new Machine();
        machine.addRule("policy", policy);
        return !machine.rulesForJSONEvent(event).isEmpty();
    }

    /** Which subscriptions (protocol:endpoint) of {@code tenant} receive this alert. */
    static List<String> receivers(Tenant tenant, AgencyAlert alert) throws Exception {
        List<String> out = new ArrayList<>();
        for (var e : AgencySubscriptions.wantedPolicies(tenant).entrySet()) {
            if (matches(e.getValue(), event(alert.attributes()))) {
                out.add(e.getKey().toString());
            }
        }
        return out;
    }

    @Test
    void garbageComplaintReachesOnlyDlhChannels() throws Exception {
        Tenant t = tenant("kotamobagu");
        assertEquals(List.of("email:dlh@kotamobagu.go.id", "sqs:arn:aws:sqs:ap-southeast-3:111122223333:kotamobagu-dlh"),
                receivers(t, alertFor(t, "sampah", AgencyAlert.CASE_ROUTED)));
    }

    @Test
    void parkingComplaintReachesOnlyDishubWebhookAlsoWhenRerouted() throws Exception {
        Tenant t = tenant("kotamobagu");
        assertEquals(List.of("https:https://dishub.kotamobagu.go.id/hooks/lapor"),
                receivers(t, alertFor(t, "parkir", AgencyAlert.CASE_ROUTED)));
        assertEquals(List.of("https:https://dishub.kotamobagu.go.id/hooks/lapor"),
                receivers(t, alertFor(t, "parkir", AgencyAlert.CASE_REROUTED)));
    }

    @Test
    void sharedInboxGetsOneSubscriptionListingBothAgencies() throws Exception {
        Tenant t = tenant("kotamobagu");
        Map<String, String> byEndpoint = new LinkedHashMap<>();
        AgencySubscriptions.wantedPolicies(t).forEach((k, v) -> byEndpoint.put(k.toString(), v));
        assertEquals("{\"tenant\":[\"kotamobagu\"],\"agencyId\":[\"kec-barat\",\"satpolpp\"]}",
                byEndpoint.get("email:ketertiban@kotamobagu.go.id"));
        // the kecamatan override routes public order in Kotamobagu Barat to the kecamatan office: same inbox
        assertEquals(List.of("email:ketertiban@kotamobagu.go.id"),
                receivers(t, alertFor(t, "ketertiban", AgencyAlert.CASE_ROUTED)));
    }

    @Test
    void rtActivityReviewAlertReachesTheKelurahanOfficeThatFollowsItsChainOnly() throws Exception {
        Tenant t = tenant("kotamobagu");
        AgencyAlert alert = alertFor(t, CaseKind.RT_ACTIVITY, "kerja-bakti", AgencyAlert.CASE_ROUTED);
        assertEquals("kelurahan:71.74.04.1003", alert.attributes().get("agencyId"));
        assertEquals(List.of("email:mogolaing@kotamobagu.go.id"), receivers(t, alert));
        Map<String, String> byEndpoint = new LinkedHashMap<>();
        AgencySubscriptions.wantedPolicies(t).forEach((k, v) -> byEndpoint.put(k.toString(), v));
        assertEquals("{\"tenant\":[\"kotamobagu\"],\"agencyId\":[\"kel-mogolaing\",\"kelurahan:71.74.04.1003\"]}",
                byEndpoint.get("email:mogolaing@kotamobagu.go.id"));
        // another tenant's office following a kelurahan with the same code hears nothing of it
        assertEquals(List.of(), receivers(tenant("bolmong"), alert));
    }

    @Test
    void unknownCategoryReachesTheTriageDeskOnly() throws Exception {
        Tenant t = tenant("kotamobagu");
        assertEquals(List.of("email:admin@kotamobagu.go.id"), receivers(t, alertFor(t, "tidak-ada", AgencyAlert.CASE_ROUTED)));
    }

    @Test
    void sameAgencyIdOfAnotherTenantNeverMatches() throws Exception {
        Tenant bolmong = tenant("bolmong");
        AgencyAlert alert = alertFor(bolmong, "sampah", AgencyAlert.CASE_ROUTED);
        Tenant kotamobagu = tenant("kotamobagu");
        assertEquals(List.of(), receivers(kotamobagu, alert));
        assertFalse(matches(AgencyFilterPolicy.of("kotamobagu", "dlh").toJson(), event(alert.attributes())));
        assertTrue(matches(AgencyFilterPolicy.of("bolmong", "dlh").toJson(), event(alert.attributes())));
    }

    @Test
    void policyTextIsValidEvenForUnusualIds() throws Exception {
        String policy = AgencyFilterPolicy.of("kota-x", List.of("a\"b", "kelurahan:71.74.04.1003")).toJson();
        assertTrue(matches(policy, "{\"tenant\":\"kota-x\",\"agencyId\":\"kelurahan:71.74.04.1003\"}"));
        assertTrue(matches(policy, "{\"tenant\":\"kota-x\",\"agencyId\":\"a\\\"b\"}"));
        assertFalse(matches(policy, "{\"tenant\":\"kota-x\",\"agencyId\":\"a\"}"));
    }

    @Test
    void routingQueueSubscriptionInTheTemplateTakesVerifiedAndReroutedOnly() throws Exception {
        SamTemplate template = SamTemplate.load(SamTemplate.findRepositoryTemplate());
        var subscription = template.resource("RoutingQueueSubscription");
        assertEquals("sqs", subscription.properties().get("Protocol"));
        assertEquals(Boolean.TRUE, subscription.properties().get("RawMessageDelivery"));
        @SuppressWarnings("unchecked")
        Map<String, List<String>> filter = (Map<String, List<String>>) subscription.properties().get("FilterPolicy");
        StringBuilder policy = new StringBuilder("{");
        filter.forEach((k, values) -> {
            policy.append(policy.length() > 1 ? "," : "").append('"').append(k).append("\":[");
            for (int i = 0; i < values.size(); i++) {
                policy.append(i > 0 ? "," : "").append('"').append(values.get(i)).append('"');
            }
            policy.append(']');
        });
        policy.append('}');
        // the case-events topic's attributes: eventType, tenant, kind, category (see CaseEvent)
        for (String type : List.of("case.verified", "case.rerouted")) {
            assertTrue(matches(policy.toString(), event(Map.of("eventType", type, "tenant", "kotamobagu",
                    "kind", "COMPLAINT", "category", "sampah"))), type);
        }
        for (String type : List.of("case.needs_review", "case.rejected", "case.status_changed")) {
            assertFalse(matches(policy.toString(), event(Map.of("eventType", type, "tenant", "kotamobagu",
                    "kind", "COMPLAINT", "category", "sampah"))), type);
        }
    }

    /**
     * Step alerts, from every step of every workflow of the tenant's catalogue: the offices following the step's area
     * (an agency's {@code follows}, or {@code reviewsKelurahan} for a kelurahan's chain) receive it, and nobody else.
     */
    @Test
    void everyStepAlertReachesOnlyTheOfficesFollowingItsArea() throws Exception {
        Tenant base = tenant("kotamobagu");
        List<Agency> agencies = new ArrayList<>(base.agencies());
        String rtId = "71.74.04.1003-RT001";
        agencies.add(new Agency("rt-001", "Ketua RT 001", false, List.of(new NotificationChannel(
                NotificationChannel.Type.SQS, "arn:aws:sqs:ap-southeast-3:111122223333:rt")), List.of(),
                List.of("rt:" + rtId)));
        agencies.add(new Agency("kel-office", "Kantor Kelurahan", false, List.of(new NotificationChannel(
                NotificationChannel.Type.SQS, "arn:aws:sqs:ap-southeast-3:111122223333:kel")), List.of(),
                List.of("kelurahan:71.74.04.1003")));
        agencies.add(new Agency("kec-office", "Kantor Kecamatan", false, List.of(new NotificationChannel(
                NotificationChannel.Type.SQS, "arn:aws:sqs:ap-southeast-3:111122223333:kec")), List.of(),
                List.of("kecamatan:71.74.04")));
        agencies.add(new Agency("setda", "Sekretariat Daerah", false, List.of(new NotificationChannel(
                NotificationChannel.Type.SQS, "arn:aws:sqs:ap-southeast-3:111122223333:city")), List.of(),
                List.of("city")));
        Tenant t = new Tenant(base.id(), base.name(), base.zone(), base.boundaries(), base.categories(), agencies,
                base.policies());
        Map<WhoActs.Scope, String> queueOf = Map.of(WhoActs.Scope.RT, "sqs:arn:aws:sqs:ap-southeast-3:111122223333:rt",
                WhoActs.Scope.KELURAHAN, "sqs:arn:aws:sqs:ap-southeast-3:111122223333:kel",
                WhoActs.Scope.KECAMATAN, "sqs:arn:aws:sqs:ap-southeast-3:111122223333:kec",
                WhoActs.Scope.CITY, "sqs:arn:aws:sqs:ap-southeast-3:111122223333:city");
        int checked = 0;
        for (Workflow w : WorkflowCatalog.forTenant(t).workflows()) {
            for (StepRule step : w.steps()) {
                ReportCase c = new ReportCase.Builder(new ReportCase("c-" + step.status(), t.id(), "Asia/Makassar",
                        "KTG-7K3M-9QXD", w.kind(), "sampah", "uraian", new GeoPoint(0.7376, 124.2851), MOGOLAING,
                        rtId, Privacy.PUBLIC, null, List.of(), step.status(), 4, List.of(), NOW, NOW, null, false,
                        List.of(), null, null, null)).build();
                var alert = StepAlerts.alertOf(WorkflowCatalog.forTenant(t), c,
                        CaseEvent.of("case.approve", c, NOW));
                // the kelurahan office that follows Mogolaing's review chain (reviewsKelurahan) hears its steps too
                Set<String> expected = new java.util.TreeSet<>(alert.isEmpty() ? List.of()
                        : List.of(queueOf.get(alert.get().scope())));
                if (alert.isPresent() && alert.get().scope() == WhoActs.Scope.KELURAHAN) {
                    expected.add("email:mogolaing@kotamobagu.go.id");
                }
                Set<String> got = new java.util.TreeSet<>();
                if (alert.isPresent()) {
                    Map<String, String> attributes = new java.util.LinkedHashMap<>();
                    SnsStepAlertPublisher.attributes(alert.get()).forEach((k, v) -> attributes.put(k, v.stringValue()));
                    for (var e : AgencySubscriptions.wantedPolicies(t).entrySet()) {
                        if (matches(e.getValue(), event(attributes))) {
                            got.add(e.getKey().toString());
                        }
                    }
                    checked++;
                }
                assertEquals(expected, got, w.kind() + " " + step.status());
            }
        }
        assertTrue(checked >= 5, "step alerts checked: " + checked);
    }
}
