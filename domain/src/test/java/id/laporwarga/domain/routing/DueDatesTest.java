package id.laporwarga.domain.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.laporwarga.domain.tenant.SlaPolicy;
import id.laporwarga.domain.time.IndonesianTime;
import id.laporwarga.domain.time.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DueDatesTest {
    @Test
    void workingDaysSkipWeekendsAndTenantHolidays() {
        // Thursday 24 Dec 2026 10:00 WIB; 25 Dec (Christmas) and 31 Dec (cuti bersama) are the tenant's holidays
        var calendar = new WorkingCalendar(IndonesianTime.WIB,
                List.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-31")));
        Instant start = Instant.parse("2026-12-24T03:00:00Z");
        // +5 working days: Mon 28, Tue 29, Wed 30, (Thu 31 holiday), Fri 1 Jan (not in this list), Mon 4 Jan
        Instant due = DueDates.firstResponse(SlaPolicy.defaults(), calendar, start);
        assertEquals(Instant.parse("2027-01-04T03:00:00Z"), due);
    }

    @Test
    void hoursWinWhenConfigured() {
        var calendar = new WorkingCalendar(IndonesianTime.WIT, List.of());
        Instant start = Instant.parse("2026-11-28T00:00:00Z"); // a Saturday
        assertEquals(Instant.parse("2026-11-30T00:00:00Z"),
                DueDates.firstResponse(new SlaPolicy(3, 48, 5, 10, 10), calendar, start));
    }

    @Test
    void triageUsesTriageWorkingDays() {
        var calendar = new WorkingCalendar(IndonesianTime.WITA, List.of());
        Instant monday = Instant.parse("2026-11-23T02:00:00Z");
        assertEquals(Instant.parse("2026-11-25T02:00:00Z"),
                DueDates.triage(new SlaPolicy(2, 0, 5, 10, 10), calendar, monday));
    }
}
