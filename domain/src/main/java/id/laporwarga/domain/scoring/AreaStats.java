package id.laporwarga.domain.scoring;

/**
 * Complaint figures of one area in one period, for the public "map" view: counts only, no single case.
 * A kecamatan row has {@code kelurahanCode == null}. Confidential cases are not counted.
 *
 * @param received           complaints submitted in the period
 * @param resolved           complaints resolved in the period (whenever submitted)
 * @param medianResolveHours median hours from submission to resolution of those resolved (null when none)
 * @param overdue            complaints submitted in the period that went past a deadline
 */
public record AreaStats(String tenantId, String period, String kecamatanCode, String kecamatanName,
                        String kelurahanCode, String kelurahanName, int received, int resolved,
                        Double medianResolveHours, int overdue) {
    public boolean isKecamatan() {
        return kelurahanCode == null;
    }
}
