package id.laporwarga.domain.routing;

import static id.laporwarga.domain.routing.RoutingFixtures.BIGA;
import static id.laporwarga.domain.routing.RoutingFixtures.MOGOLAING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.tenant.SlaPolicy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseRouterTest {
    // Tuesday 24 Nov 2026, 09:00 WITA
    private static final Instant NOW = Instant.parse("2026-11-24T01:00:00Z");
    private final CaseRouter router = new CaseRouter();

    @Test
    void categoryGoesToItsAgencyWithWorkingDayDeadline() {
        RoutingDecision d = router.decide(RoutingFixtures.tenant(), RoutingFixtures.complaint("c1", "sampah", MOGOLAING), NOW);
        assertEquals(RoutingDecision.Outcome.AGENCY, d.outcome());
        assertEquals(CaseStatus.ROUTED, d.status());
        assertEquals("dlh", d.agencyId());
        assertEquals("Dinas Lingkungan Hidup", d.agencyName());
        // default SLA: 5 working days -> Tuesday 1 Dec 2026, same local time
        assertEquals(Instant.parse("2026-12-01T01:00:00Z"), d.dueAt());
        assertTrue(d.alertsAgency());
    }

    @Test
    void kecamatanOverrideWinsOverTheCategoryAgency() {
        var tenant = RoutingFixtures.tenant();
        assertEquals("kec-utara", router.decide(tenant, RoutingFixtures.complaint("c1", "ketertiban", BIGA), NOW).agencyId());
        assertEquals("satpolpp", router.decide(tenant, RoutingFixtures.complaint("c2", "ketertiban", MOGOLAING), NOW).agencyId());
    }

    @Test
    void verticalInstitutionIsReferredWithACitizenNotice() {
        RoutingDecision d = router.decide(RoutingFixtures.tenant(), RoutingFixtures.complaint("c1", "listrik", MOGOLAING), NOW);
        assertEquals(RoutingDecision.Outcome.REFERRED_EXTERNAL, d.outcome());
        assertEquals(CaseStatus.REFERRED_EXTERNAL, d.status());
        assertEquals("pln", d.agencyId());
        assertNull(d.dueAt());
        assertNotNull(d.citizenNotice());
        assertTrue(d.citizenNotice().id().contains("dirujuk ke PLN UP3 Kotamobagu"), d.citizenNotice().id());
        assertTrue(d.citizenNotice().id().contains("KTG-7K3M-9QXD"));
        assertTrue(d.historyNote().contains("PLN UP3 Kotamobagu"));
        assertEquals(false, d.alertsAgency());
    }

    @Test
    void unknownAmbiguousOrBrokenCategoriesGoToTheTriageDesk() {
        var tenant = RoutingFixtures.tenant();
        for (String category : new String[] {"tidak-ada", "lainnya", "hantu", null}) {
            RoutingDecision d = router.decide(tenant, RoutingFixtures.complaint("c1", category, MOGOLAING), NOW);
            assertEquals(RoutingDecision.Outcome.TRIAGE, d.outcome(), String.valueOf(category));
            assertEquals(CaseStatus.TRIAGE, d.status());
            assertEquals("kominfo", d.agencyId());
            assertEquals("Diskominfo (Admin Lapor Warga)", d.agencyName());
            // triage: 3 working days -> Friday 27 Nov
            assertEquals(Instant.parse("2026-11-27T01:00:00Z"), d.dueAt());
        }
    }

    @Test
    void categoryNotApplyingToTheKindGoesToTriage() {
        var c = RoutingFixtures.verifiedCase("c1", CaseKind.COMPLAINT, "surat", MOGOLAING, Privacy.PUBLIC, null, NOW);
        RoutingDecision d = router.decide(RoutingFixtures.tenant(), c, NOW);
        assertEquals(RoutingDecision.Outcome.TRIAGE, d.outcome());
        assertEquals("triage", d.move());
    }

    @Test
    void aServiceRequestWithAPhotoGoesToItsRtNeverToTheTriageDesk() {
        // a category without an agency would send a complaint to triage; a service request's first step is its RT
        var c = RoutingFixtures.verifiedCase("c1", CaseKind.SERVICE_REQUEST, "surat", MOGOLAING, Privacy.PUBLIC, null, NOW);
        RoutingDecision d = router.decide(RoutingFixtures.tenant(), c, NOW);
        assertEquals(RoutingDecision.Outcome.RT, d.outcome());
        assertEquals(CaseStatus.RT_APPROVAL, d.status());
        assertNull(d.agencyId());
        assertEquals(false, d.alertsAgency());
        // the RT_APPROVAL step's deadline from the catalogue: 15 minutes
        assertEquals(NOW.plusSeconds(15 * 60), d.dueAt());
    }

    @Test
    void tenantWithoutTriageDeskUsesTheDefaultDesk() {
        var tenant = RoutingFixtures.tenant(SlaPolicy.defaults(), List.of(), null);
        RoutingDecision d = router.decide(tenant, RoutingFixtures.complaint("c1", "tidak-ada", MOGOLAING), NOW);
        assertEquals(CaseRouter.DEFAULT_TRIAGE_DESK_ID, d.agencyId());
        assertTrue(d.agencyName().contains("Kotamobagu"));
    }

    @Test
    void rtActivityGoesToItsKelurahanReviewChain() {
        var c = RoutingFixtures.verifiedCase("c1", CaseKind.RT_ACTIVITY, "sampah", MOGOLAING, Privacy.PUBLIC, null, NOW);
        RoutingDecision d = router.decide(RoutingFixtures.tenant(), c, NOW);
        assertEquals(RoutingDecision.Outcome.KELURAHAN_REVIEW, d.outcome());
        assertEquals(CaseStatus.KELURAHAN_REVIEW, d.status());
        assertEquals("kelurahan:71.74.04.1003", d.agencyId());
        assertTrue(d.agencyName().contains("Mogolaing"));
        // the KELURAHAN_REVIEW step's own deadline (3 working days), not the agencies' first response
        assertEquals(Instant.parse("2026-11-27T01:00:00Z"), d.dueAt());
    }

    @Test
    void rtActivityWithoutKnownKelurahanGoesToTriage() {
        AreaRef unknown = new AreaRef("71.74.04", "Kotamobagu Barat", null, null, AreaRef.KelurahanMatch.UNKNOWN);
        var c = RoutingFixtures.verifiedCase("c1", CaseKind.RT_ACTIVITY, "sampah", unknown, Privacy.PUBLIC, null, NOW);
        assertEquals(RoutingDecision.Outcome.TRIAGE, router.decide(RoutingFixtures.tenant(), c, NOW).outcome());
    }

    @Test
    void hourlySlaGivesAPlainHoursDeadline() {
        var tenant = RoutingFixtures.tenant(new SlaPolicy(3, 48, 5, 10, 10), List.of(), "kominfo");
        // Friday 27 Nov 2026 16:00 WITA + 2x24 h = Sunday 29 Nov 16:00 WITA: hours ignore weekends
        Instant friday = Instant.parse("2026-11-27T08:00:00Z");
        RoutingDecision d = router.decide(tenant, RoutingFixtures.complaint("c1", "sampah", MOGOLAING), friday);
        assertEquals(Instant.parse("2026-11-29T08:00:00Z"), d.dueAt());
    }
}
