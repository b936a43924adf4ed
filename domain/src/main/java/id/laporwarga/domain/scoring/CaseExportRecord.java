package id.laporwarga.domain.scoring;

import java.util.List;

/**
 * One case as analysts see it. The type has no field for a reporter's name, phone, user id, the free-text
 * description or photo object keys, so none can be exported by mistake. For a CONFIDENTIAL case the fields that could
 * point at a person or a place ({@code trackingCode}, {@code rtId}, {@code latitude}, {@code longitude}) are null.
 * Times are ISO-8601 UTC strings; durations are in whole minutes. The tier times ({@code rtTierMinutes} ...
 * {@code cityTierMinutes}) add up the completed stays of the case in the states where that tier acts (null: never
 * there, or still there); {@code minutesRtToKecamatan} runs from the first entry to {@code RT_APPROVAL} to the
 * kecamatan's issue ({@code KECAMATAN_ISSUED}) of a service request.
 */
public record CaseExportRecord(String tenantId, String createdMonth, String caseId, String trackingCode, String kind,
                               String category, String privacy, String status, boolean terminal, String createdAt,
                               String updatedAt, String kecamatanCode, String kecamatanName, String kelurahanCode,
                               String kelurahanName, String rtId, Double latitude, Double longitude, String agencyId,
                               String agencyName, Boolean agencyExternal, String routedAt, String dueAt,
                               boolean overdue, String resolvedAt, String closedAt, String approvedAt,
                               Long minutesToResolve, int photoCount, String photoVerdict,
                               List<String> verificationReasons, int historyEntries, int reopenedCount,
                               int returnedCount, String lastAction, Long rtTierMinutes,
                               Long kelurahanTierMinutes, Long kecamatanTierMinutes, Long cityTierMinutes,
                               String issuedAt, Long minutesRtToKecamatan) {
    public CaseExportRecord {
        verificationReasons = verificationReasons == null ? List.of() : List.copyOf(verificationReasons);
    }
}
