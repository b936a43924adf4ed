package id.laporwarga.domain.scoring;

/**
 * Complaint figures of one area in one period, for the public "map" view: counts only, no single case.
 * A kecamatan row has {@code kelurahanCode == null}. Confidential cases are not counted.
 *
 * @param received           complaints submitted in the period
 * @param resolved           complaints resolved in the period (whenever submitted)
 * @param medianResolveHours median hours from submission to resolution of those resolved (null when none)
 * @param overdue            complaints submitted in the period that went past a deadline
 * @param rts                RTs of the area's roster (active in the roster)
 * @param activeRts          of those, the ones with an approved activity in the period
 */
public record AreaStats(String tenantId, String period, String kecamatanCode, String kecamatanName,
                        String kelurahanCode, String kelurahanName, int received, int resolved,
                        Double medianResolveHours, int overdue, int rts, int activeRts) {
    public boolean isKecamatan() {
        return kelurahanCode == null;
    }

    /** The share of the area's rostered RTs that were active, 0..1 (null without rostered RTs). */
    public Double activeShare() {
        return share(activeRts, rts);
    }

    /** {@code active / all} rounded to 3 decimals, null when {@code all} is 0. */
    public static Double share(int active, int all) {
        return all == 0 ? null : Math.round(1000.0 * active / all) / 1000.0;
    }
}
