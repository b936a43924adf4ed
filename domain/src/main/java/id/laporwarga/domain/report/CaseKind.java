package id.laporwarga.domain.report;

/** What a case is: a citizen's complaint, an RT head's activity report, or a resident's service request. */
public enum CaseKind {
    COMPLAINT, RT_ACTIVITY, SERVICE_REQUEST;

    /** Whether reports of this kind must carry at least one photo. */
    public boolean requiresPhotos() {
        return this != SERVICE_REQUEST;
    }
}
