package id.laporwarga.domain.scoring;

/** The arithmetic of one breakdown line, in whole points rounded half up (exact integer arithmetic). */
public final class Scoring {
    private Scoring() {
    }

    public static ComponentScore line(ScoreComponent c, RtCounts n) {
        return switch (c.type()) {
            case VERIFIED_ACTIVITY -> {
                long counted = Math.min(n.activityEligible(), c.cap());
                yield new ComponentScore(c.type(), n.activityEligible(), 0, counted, c.cap(), c.weight(),
                        roundHalfUp((long) c.weight() * counted, c.cap()), false);
            }
            case SERVICE_TIMELINESS -> ratio(c, n.serviceStepsOnTime(), n.serviceSteps());
            case COMPLAINTS_RESOLVED -> ratio(c, n.complaintsResolved(), n.complaintsReceived());
            case RETURNED_PENALTY -> {
                long raw = n.activityReturnedOrRejected();
                long off = Math.min((long) c.weight(), raw * c.perItemPoints());
                yield new ComponentScore(c.type(), raw, 0, raw, 0, c.weight(), (int) -off, false);
            }
        };
    }

    private static ComponentScore ratio(ScoreComponent c, long numerator, long denominator) {
        if (denominator == 0) {
            return new ComponentScore(c.type(), 0, 0, 0, 0, c.weight(),
                    roundHalfUp((long) c.weight() * c.noDataPercent(), 100), true);
        }
        return new ComponentScore(c.type(), numerator, denominator, numerator, 0, c.weight(),
                roundHalfUp((long) c.weight() * numerator, denominator), false);
    }

    /** numerator / denominator rounded half up, for non-negative values. */
    static int roundHalfUp(long numerator, long denominator) {
        return (int) ((2 * numerator + denominator) / (2 * denominator));
    }
}
