package id.laporwarga.function.submitreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.HistoryEntry;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The public history shows what the agency did (its note on the resolving step) and no other note. */
class PublicHistoryNoteTest {
    static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    static final Instant AT = Instant.parse("2026-11-25T03:00:00Z");

    static ReportViews.PublicStep step(String action, CaseStatus from, CaseStatus to, String note) {
        return ReportViews.PublicStep.of(new HistoryEntry(AT, "official-1", "AGENCY_STAFF", action, from, to, note),
                WITA, Locale.forLanguageTag("id"));
    }

    @Test
    void theResolvingStepCarriesTheAgencysNote() {
        ReportViews.PublicStep resolved = step("resolve", CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED,
                "Sampah sudah diangkut truk DLH.");
        assertEquals("Sampah sudah diangkut truk DLH.", resolved.note());
        assertEquals("Selesai ditindaklanjuti", resolved.statusLabel());
    }

    @Test
    void notesOfOtherStepsStayInternal() {
        assertNull(step("start", CaseStatus.ACKNOWLEDGED, CaseStatus.IN_PROGRESS, "Pak Budi, nomor 0812...").note());
        assertNull(step("return", CaseStatus.KELURAHAN_REVIEW, CaseStatus.RETURNED, "foto kurang jelas").note());
        assertNull(step("resolve", CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED, "  ").note());
    }
}
