package id.laporwarga.domain.intake;

import id.laporwarga.domain.error.LocalizedText;

/**
 * What a citizen's report is, as SP4N-LAPOR! classifies it: a complaint, a suggestion, a request for information, or a
 * whistle-blowing report (restricted: always CONFIDENTIAL, visible only to the roles the tenant names). Each category
 * of a tenant's catalogue has one class ({@link id.laporwarga.domain.tenant.Category#reportClass()}).
 */
public enum ReportClass {
    PENGADUAN("Pengaduan", "Complaint"),
    ASPIRASI("Aspirasi", "Suggestion"),
    PERMINTAAN_INFORMASI("Permintaan informasi", "Request for information"),
    WHISTLEBLOWING("Pengaduan pelanggaran (whistle-blowing)", "Whistle-blowing report");

    private final LocalizedText label;

    ReportClass(String indonesian, String english) {
        this.label = new LocalizedText(indonesian, english);
    }

    public LocalizedText label() {
        return label;
    }

    /** Whether the answer of the case (the note of its resolving move) is shown on the public tracking page. */
    public boolean answerIsPublic() {
        return this == ASPIRASI || this == PERMINTAAN_INFORMASI;
    }

    /** Restricted: confidential, hidden from every role the tenant does not name. */
    public boolean restricted() {
        return this == WHISTLEBLOWING;
    }
}
