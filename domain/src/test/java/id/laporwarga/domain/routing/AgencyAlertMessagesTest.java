package id.laporwarga.domain.routing;

import static id.laporwarga.domain.routing.RoutingFixtures.MOGOLAING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.report.Assignment;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Reporter;
import id.laporwarga.domain.workflow.StateMachine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgencyAlertMessagesTest {
    private static final Instant NOW = Instant.parse("2026-11-24T01:00:00Z");
    private static final Reporter SITI = new Reporter("Siti Mokodompit", "+6281234567890", null);

    private static ReportCase routed(Privacy privacy) {
        ReportCase c = RoutingFixtures.verifiedCase("case-1", CaseKind.COMPLAINT, "sampah", MOGOLAING, privacy, SITI, NOW);
        RoutingDecision d = new CaseRouter().decide(RoutingFixtures.tenant(), c, NOW);
        return RouteCaseService.apply(StateMachine.forTenant(RoutingFixtures.tenant()), c, d, NOW).after();
    }

    private static AgencyAlert alert(Privacy privacy) {
        return AgencyAlertMessages.build(RoutingFixtures.tenant(), routed(privacy), AgencyAlert.CASE_ROUTED,
                id -> "https://lapor.example.go.id/petugas/#/cases/" + id);
    }

    @Test
    void emailCarriesEverythingTheAgencyNeeds() {
        AgencyAlert a = alert(Privacy.PUBLIC);
        assertEquals("dlh", a.agencyId());
        assertTrue(a.subject().contains("KTG-7K3M-9QXD"), a.subject());
        assertTrue(a.subject().contains("Sampah"));
        String body = a.emailBody();
        assertTrue(body.contains("Kode laporan: KTG-7K3M-9QXD"), body);
        assertTrue(body.contains("Kategori: Sampah"));
        assertTrue(body.contains("Kecamatan: Kotamobagu Barat"));
        assertTrue(body.contains("Kelurahan/Desa: Mogolaing"));
        assertTrue(body.contains("https://www.openstreetmap.org/?mlat=0.737611&mlon=124.285133"), body);
        // the case in the officials' console (they sign in: the link lives as long as the work), never a photo URL
        assertTrue(body.contains("Buka di konsol petugas: https://lapor.example.go.id/petugas/#/cases/case-1"), body);
        assertEquals("https://lapor.example.go.id/petugas/#/cases/case-1", a.payload().get("consoleUrl"));
        assertFalse(body.contains("X-Amz") || body.contains("photos/kotamobagu"), body);
        assertFalse(a.payload().toString().contains("X-Amz"), a.payload().toString());
        // 5 working days after Tue 24 Nov 09:00 WITA
        assertTrue(body.contains("Batas tanggapan pertama: 1 Des 2026 09:00 WITA"), body);
        // no alert names the reporter (even if a case still carried a contact): the dashboard shows it
        assertFalse(body.contains("Mokodompit"), body);
        assertFalse(body.contains("81234567890"), body);
        assertFalse(a.payload().containsKey("reporter"));
        assertTrue(body.contains("dapat dilihat petugas berwenang di dasbor"), body);
        assertFalse(body.contains("RAHASIA"));
    }

    @Test
    void attributesAreTheFilterableOnes() {
        AgencyAlert a = alert(Privacy.PUBLIC);
        assertEquals(Map.of("tenant", "kotamobagu", "agencyId", "dlh", "category", "sampah", "kecamatan", "71.74.04",
                "priority", "NORMAL", "eventType", "case.routed"), a.attributes());
        assertEquals(AgencyAlert.ATTRIBUTE_NAMES.size(), a.attributes().size());
    }

    @Test
    void anonymousCaseCarriesNoReporterIdentityAnywhere() {
        AgencyAlert a = alert(Privacy.ANONYMOUS);
        String everything = a.subject() + a.emailBody() + a.payload() + a.attributes();
        assertFalse(everything.contains("Siti"), everything);
        assertFalse(everything.contains("Mokodompit"));
        assertFalse(everything.contains("81234567890"));
        assertFalse(a.payload().containsKey("reporter"));
        assertTrue(a.emailBody().contains("anonim"));
    }

    @Test
    void confidentialCaseSaysSoAndLeavesIdentityToTheDashboard() {
        AgencyAlert a = alert(Privacy.CONFIDENTIAL);
        assertTrue(a.subject().startsWith("[RAHASIA]"), a.subject());
        assertTrue(a.emailBody().startsWith("RAHASIA"));
        assertEquals(true, a.payload().get("confidential"));
        assertFalse((a.emailBody() + a.payload()).contains("81234567890"));
    }

    @Test
    void fastLaneSlaIsHighPriority() {
        Assignment fast = new Assignment("dlh", "DLH", false, NOW, NOW.plus(Duration.ofHours(24)), List.of());
        Assignment slow = new Assignment("dlh", "DLH", false, NOW, NOW.plus(Duration.ofHours(25)), List.of());
        assertEquals("HIGH", AgencyAlertMessages.priority(fast));
        assertEquals("NORMAL", AgencyAlertMessages.priority(slow));
    }

    @Test
    void subjectIsAsciiAndShortEnoughForSns() {
        String s = AgencyAlertMessages.asciiSubject("Laporan – " + "é".repeat(5) + "x".repeat(200));
        assertTrue(s.length() < 100);
        assertTrue(s.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f), s);
        assertTrue(s.startsWith("Laporan - x"));
    }
}
