package id.laporwarga.domain.scoring;

/**
 * The indicators an RT head is scored on. Each one is counted from immutable, dated history entries of the period's
 * cases, so a closed period always scores the same.
 */
public enum ScoreComponentType {
    /**
     * Approved RT activity reports whose every photo passed the geotag check, at most
     * {@link ScoringPolicy#maxActivitiesPerDay()} a day and at most the component's cap a period: volume alone cannot win.
     */
    VERIFIED_ACTIVITY,
    /** Share of the RT head's service-request steps (RT approval) done within their working-day deadline. */
    SERVICE_TIMELINESS,
    /** Share of the complaints received in the RT's area during the period that were resolved by the period's end. */
    COMPLAINTS_RESOLVED,
    /** Activity reports returned for correction or rejected during the period: points taken off, per report. */
    RETURNED_PENALTY;

    public boolean isPenalty() {
        return this == RETURNED_PENALTY;
    }
}
