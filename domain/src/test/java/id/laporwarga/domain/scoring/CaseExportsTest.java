package id.laporwarga.domain.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import id.laporwarga.domain.intake.Channel;
import id.laporwarga.domain.intake.Intake;
import id.laporwarga.domain.intake.ReportClass;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.Privacy;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseExportsTest {
    @Test
    void theExportTypeHasNoReporterOrFreeTextField() {
        for (var component : CaseExportRecord.class.getRecordComponents()) {
            String name = component.getName().toLowerCase(Locale.ROOT);
            assertFalse(name.contains("reporter") || name.contains("phone") || name.contains("description")
                    || name.contains("secret") || name.contains("objectkey") || name.equals("userid"), name);
        }
        assertFalse(Arrays.stream(CaseExportRecord.class.getRecordComponents())
                .anyMatch(c -> c.getType().getName().contains("Reporter")));
    }

    @Test
    void aConfidentialCaseKeepsOnlyNonIdentifyingFields() {
        var c = ScoringCases.complaint("RT-007", "2026-10-02T09:00").privacy(Privacy.CONFIDENTIAL)
                .to(CaseStatus.RESOLVED, "2026-10-02T11:30").build();
        CaseExportRecord r = CaseExports.toRecord(c);
        assertNull(r.trackingCode());
        assertNull(r.rtId());
        assertNull(r.latitude());
        assertEquals("71.74.01", r.kecamatanCode());
        assertEquals("2026-10", r.createdMonth());
        assertEquals(150L, r.minutesToResolve());

        var open = CaseExports.toRecord(ScoringCases.complaint("RT-007", "2026-10-02T09:00").build());
        assertEquals("RT-007", open.rtId());
        assertEquals(0.734, open.latitude());
        assertEquals(124.316, open.longitude());
    }

    @Test
    void aServiceRequestCarriesItsTimePerTierAndFromRtToKecamatan() {
        var c = ScoringCases.serviceRequest("RT-007", "2026-10-02T09:00")
                .to(CaseStatus.KELURAHAN_PROCESSING, "2026-10-02T09:15")
                .to(CaseStatus.KECAMATAN_ISSUED, "2026-10-02T09:45").build();
        CaseExportRecord r = CaseExports.toRecord(c);
        assertEquals(15L, r.rtTierMinutes());
        assertEquals(30L, r.kelurahanTierMinutes());
        assertNull(r.kecamatanTierMinutes());
        assertNull(r.cityTierMinutes());
        assertEquals(45L, r.minutesRtToKecamatan());
        assertEquals(ScoringCases.local("2026-10-02T09:45").toString(), r.issuedAt());

        var waiting = CaseExports.toRecord(ScoringCases.serviceRequest("RT-007", "2026-10-02T09:00")
                .to(CaseStatus.RT_APPROVAL, "2026-10-02T09:05", "system", "SYSTEM", "route").build());
        assertNull(waiting.rtTierMinutes(), "a stay still open is not counted");
        assertNull(waiting.minutesRtToKecamatan());
    }

    @Test
    void everyCaseCarriesItsChannelAndReportClassSoTheExportBreaksDownByThem() {
        var filed = ScoringCases.complaint("RT-007", "2026-10-02T09:00").build()
                .amend(b -> b.intake(Intake.of(ReportClass.ASPIRASI, Channel.PHONE, "staff-1", Set.of())),
                        ScoringCases.local("2026-10-02T09:01"));
        CaseExportRecord r = CaseExports.toRecord(filed);
        assertEquals("PHONE", r.channel());
        assertEquals("ASPIRASI", r.reportClass());
        // a case stored before intake data existed: a complaint filed in the app
        var legacy = CaseExports.toRecord(ScoringCases.complaint("RT-007", "2026-10-02T09:00").build());
        assertEquals("APP", legacy.channel());
        assertEquals("PENGADUAN", legacy.reportClass());
    }
}
