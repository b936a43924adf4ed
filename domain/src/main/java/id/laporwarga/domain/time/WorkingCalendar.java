package id.laporwarga.domain.time;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Set;

/**
 * Deadlines in a tenant's zone. Working days skip Saturdays, Sundays and the tenant's holidays (national holidays and
 * cuti bersama are data, since they change every year).
 */
public final class WorkingCalendar {
    private final ZoneId zone;
    private final Set<LocalDate> holidays;

    public WorkingCalendar(ZoneId zone, Collection<LocalDate> holidays) {
        this.zone = zone;
        this.holidays = Set.copyOf(holidays);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /**
     * The deadline {@code days} working days after {@code start}: the same local time of day on the
     * {@code days}-th following working day (end of that day if the start was itself on a non-working day).
     */
    public Instant plusWorkingDays(Instant start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must be >= 0");
        }
        if (days == 0) {
            return start;
        }
        ZonedDateTime local = start.atZone(zone);
        LocalDate date = local.toLocalDate();
        if (isWorkingDay(date)) {
            int remaining = days;
            while (remaining > 0) {
                date = date.plusDays(1);
                if (isWorkingDay(date)) {
                    remaining--;
                }
            }
            return date.atTime(local.toLocalTime()).atZone(zone).toInstant();
        }
        // submitted on a weekend or holiday: the next working day counts as day 1, due at its end
        date = date.plusDays(1);
        while (!isWorkingDay(date)) {
            date = date.plusDays(1);
        }
        int remaining = days - 1;
        while (remaining > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                remaining--;
            }
        }
        return date.atTime(23, 59, 59).atZone(zone).toInstant();
    }

    /** Plain elapsed hours (for fast lanes such as Portal Emas' 45 minutes or SIKeMas' 2x24 h). */
    public Instant plus(Instant start, Duration duration) {
        return start.plus(duration);
    }
}
