package id.laporwarga.domain.workflow;

/**
 * An official's request to act on a case. {@code expectedVersion} is the version the official saw (optimistic
 * locking). {@code category} and {@code agencyId} are read by ROUTE actions ({@code forward}, {@code reroute}),
 * {@code photoContentType}/{@code photoSizeBytes} by ATTACH_PHOTO actions ({@code resolve}), {@code reason} by
 * {@code reject} (NOT_OUR_AUTHORITY, SPAM, DUPLICATE), {@code masterCaseId} by {@code merge} (the master case).
 */
public record ActionCommand(String action, String note, Long expectedVersion, String category, String agencyId,
                            String reason, String photoContentType, Long photoSizeBytes, String masterCaseId) {
    public ActionCommand(String action, String note, Long expectedVersion, String category, String agencyId,
                         String reason, String photoContentType, Long photoSizeBytes) {
        this(action, note, expectedVersion, category, agencyId, reason, photoContentType, photoSizeBytes, null);
    }

    public static ActionCommand of(String action, long expectedVersion, String note) {
        return new ActionCommand(action, note, expectedVersion, null, null, null, null, null);
    }

    /** The triage desk merges the case into {@code masterCaseId} (a duplicate of it). */
    public static ActionCommand merge(long expectedVersion, String masterCaseId, String note) {
        return new ActionCommand(WorkflowCatalog.MERGE, note, expectedVersion, null, null, null, null, null,
                masterCaseId);
    }
}
