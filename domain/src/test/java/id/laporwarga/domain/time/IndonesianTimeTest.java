package id.laporwarga.domain.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IndonesianTimeTest {
    final Instant utc = Instant.parse("2026-11-30T17:30:00Z");

    @Test
    void showsTheLocalTimeWithTheZoneAbbreviation() {
        assertEquals("1 Des 2026 00:30 WIB", IndonesianTime.display(utc, IndonesianTime.WIB));
        assertEquals("1 Des 2026 01:30 WITA", IndonesianTime.display(utc, IndonesianTime.WITA));
        assertEquals("1 Des 2026 02:30 WIT", IndonesianTime.display(utc, IndonesianTime.WIT));
    }

    @Test
    void periodsAreLocalMonths() {
        assertEquals("2026-12", IndonesianTime.period(utc, IndonesianTime.WIB));
        assertEquals("2026-11", IndonesianTime.period(utc, java.time.ZoneOffset.UTC));
    }

    @Test
    void parsesAbbreviationsAndZoneIds() {
        assertEquals(IndonesianTime.WITA, IndonesianTime.parseZone("wita"));
        assertEquals("WIB", IndonesianTime.abbreviation(IndonesianTime.parseZone("Asia/Pontianak")));
        assertEquals("2026-12-01T01:30:00+08:00", IndonesianTime.isoLocal(utc, IndonesianTime.WITA));
    }
}
