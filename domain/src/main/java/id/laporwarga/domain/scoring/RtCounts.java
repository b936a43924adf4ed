package id.laporwarga.domain.scoring;

/**
 * What one RT did in a period, as counted from dated history entries (cases marked confidential are not counted).
 *
 * @param activitySubmitted          activity reports submitted in the period
 * @param activityApproved           activity reports finally approved in the period
 * @param activityApprovedVerified   of those, the ones whose every photo passed the geotag check
 * @param activityEligible           of those, the ones within the per-day limit (the cap applies after this)
 * @param activityReturnedOrRejected returns for correction and rejections of activity reports in the period
 * @param serviceSteps               RT-approval steps of service requests whose deadline fell in the period
 * @param serviceStepsOnTime         of those, the ones the RT head acted on by the deadline
 * @param complaintsReceived         complaints in the RT's area received in the period
 * @param complaintsResolved         of those, resolved (or closed) by the period's end
 * @param complaintsConfirmed        of those, closed with the citizen's confirmation
 */
public record RtCounts(int activitySubmitted, int activityApproved, int activityApprovedVerified, int activityEligible,
                       int activityReturnedOrRejected, int serviceSteps, int serviceStepsOnTime,
                       int complaintsReceived, int complaintsResolved, int complaintsConfirmed) {
}
