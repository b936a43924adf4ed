package id.laporwarga.domain.workflow;

import id.laporwarga.domain.time.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a step may take: elapsed minutes or hours (fast lanes such as Portal Emas' 45 minutes, SIKeMas' 2x24 h),
 * or working days in the tenant's calendar (LAPOR!: 3 working days to triage, 5 to follow up).
 */
public record Deadline(long amount, Unit unit) {
    public enum Unit { MINUTES, HOURS, WORKING_DAYS }

    public Deadline {
        Objects.requireNonNull(unit, "unit");
        if (amount <= 0) {
            throw new IllegalArgumentException("a deadline must be positive");
        }
    }

    public static Deadline minutes(long m) {
        return new Deadline(m, Unit.MINUTES);
    }

    public static Deadline hours(long h) {
        return new Deadline(h, Unit.HOURS);
    }

    public static Deadline workingDays(long d) {
        return new Deadline(d, Unit.WORKING_DAYS);
    }

    /** The due time of a step entered at {@code start}. */
    public Instant dueAfter(Instant start, WorkingCalendar calendar) {
        return switch (unit) {
            case MINUTES -> start.plus(Duration.ofMinutes(amount));
            case HOURS -> start.plus(Duration.ofHours(amount));
            case WORKING_DAYS -> calendar.plusWorkingDays(start, Math.toIntExact(amount));
        };
    }

    /** The elapsed length, or null for working days (which depend on the calendar). */
    public Duration elapsed() {
        return switch (unit) {
            case MINUTES -> Duration.ofMinutes(amount);
            case HOURS -> Duration.ofHours(amount);
            case WORKING_DAYS -> null;
        };
    }

    @Override
    public String toString() {
        return amount + switch (unit) {
            case MINUTES -> " min";
            case HOURS -> " h";
            case WORKING_DAYS -> " working days";
        };
    }
}
