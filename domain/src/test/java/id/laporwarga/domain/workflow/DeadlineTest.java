package id.laporwarga.domain.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.laporwarga.domain.time.IndonesianTime;
import id.laporwarga.domain.time.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Working-day deadlines around the Ascension Day long weekend of 2026: Thursday 14 May (Kenaikan Yesus Kristus) and
 * Friday 15 May (cuti bersama) are the tenant's holidays, then Saturday and Sunday.
 */
class DeadlineTest {
    private static final List<LocalDate> LONG_WEEKEND = List.of(LocalDate.parse("2026-05-14"), LocalDate.parse("2026-05-15"));
    private final WorkingCalendar wit = new WorkingCalendar(IndonesianTime.WIT, LONG_WEEKEND);
    private final WorkingCalendar wib = new WorkingCalendar(IndonesianTime.WIB, LONG_WEEKEND);

    private static Instant at(String local, java.time.ZoneId zone) {
        return java.time.LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    @Test
    void threeWorkingDaysFromWednesdaySkipTheHolidaysAndTheWeekendInWit() {
        Instant routed = at("2026-05-13T16:00", IndonesianTime.WIT);
        Instant due = Deadline.workingDays(3).dueAfter(routed, wit);
        // Thu 14 and Fri 15 are holidays, Sat/Sun weekend: Mon 18, Tue 19, Wed 20
        assertEquals(ZonedDateTime.parse("2026-05-20T16:00+09:00[Asia/Jayapura]").toInstant(), due);
    }

    @Test
    void theSameInstantIsAWorkingWednesdayEveningInWibButAHolidayNightInWit() {
        Instant instant = Instant.parse("2026-05-13T16:30:00Z"); // Wed 23:30 WIB, Thu 01:30 WIT
        assertEquals(at("2026-05-20T23:30", IndonesianTime.WIB), Deadline.workingDays(3).dueAfter(instant, wib));
        // in WIT the step starts on a holiday: Monday counts as day 1, due at the end of Wednesday
        assertEquals(at("2026-05-20T23:59:59", IndonesianTime.WIT), Deadline.workingDays(3).dueAfter(instant, wit));
    }

    @Test
    void withoutTheHolidaysTheSameStepIsDueTwoWorkingDaysEarlier() {
        Instant routed = at("2026-05-13T16:00", IndonesianTime.WIB);
        WorkingCalendar noHolidays = new WorkingCalendar(IndonesianTime.WIB, List.of());
        assertEquals(at("2026-05-18T16:00", IndonesianTime.WIB), Deadline.workingDays(3).dueAfter(routed, noHolidays));
        assertEquals(at("2026-05-20T16:00", IndonesianTime.WIB), Deadline.workingDays(3).dueAfter(routed, wib));
    }

    @Test
    void fiveWorkingDaysFromTheFridayBeforeTheLongWeekendInWib() {
        Instant routed = at("2026-05-08T09:15", IndonesianTime.WIB); // Friday
        // Mon 11, Tue 12, Wed 13, (Thu 14, Fri 15 off) Mon 18, Tue 19
        assertEquals(at("2026-05-19T09:15", IndonesianTime.WIB), Deadline.workingDays(5).dueAfter(routed, wib));
    }

    @Test
    void elapsedDeadlinesIgnoreTheCalendar() {
        Instant start = at("2026-05-14T10:00", IndonesianTime.WIT); // a holiday
        assertEquals(start.plusSeconds(45 * 60), Deadline.minutes(45).dueAfter(start, wit));
        assertEquals(start.plusSeconds(48 * 3600), Deadline.hours(48).dueAfter(start, wit));
    }
}
