package id.laporwarga.domain.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * Indonesia's three civil zones. Times are stored in UTC; they are shown to people in the tenant's zone with its
 * Indonesian abbreviation (WIB = UTC+7, WITA = UTC+8, WIT = UTC+9).
 */
public final class IndonesianTime {
    public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    public static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    public static final ZoneId WIT = ZoneId.of("Asia/Jayapura");

    private static final Set<String> WIB_ZONES = Set.of("Asia/Jakarta", "Asia/Pontianak");
    private static final Set<String> WITA_ZONES = Set.of("Asia/Makassar", "Asia/Ujung_Pandang");
    private static final Set<String> WIT_ZONES = Set.of("Asia/Jayapura");
    private static final DateTimeFormatter DISPLAY =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.forLanguageTag("id-ID"));
    private static final DateTimeFormatter OFFSET_ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private IndonesianTime() {
    }

    /** Parses "WIB", "WITA", "WIT" or any IANA zone id. */
    public static ZoneId parseZone(String value) {
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "WIB" -> WIB;
            case "WITA" -> WITA;
            case "WIT" -> WIT;
            default -> ZoneId.of(value.trim());
        };
    }

    /** "WIB", "WITA", "WIT", or the zone id for a zone outside Indonesia. */
    public static String abbreviation(ZoneId zone) {
        String id = zone.getId();
        if (WIB_ZONES.contains(id)) {
            return "WIB";
        }
        if (WITA_ZONES.contains(id)) {
            return "WITA";
        }
        if (WIT_ZONES.contains(id)) {
            return "WIT";
        }
        return id;
    }

    /** e.g. "25 Nov 2026 14:05 WITA". */
    public static String display(Instant instant, ZoneId zone) {
        return DISPLAY.format(instant.atZone(zone)) + " " + abbreviation(zone);
    }

    /** ISO-8601 with the zone's offset, e.g. "2026-11-25T14:05:00+08:00". */
    public static String isoLocal(Instant instant, ZoneId zone) {
        return OFFSET_ISO.format(ZonedDateTime.ofInstant(instant, zone));
    }

    /** The calendar month ("2026-11") of an instant in the zone: periods are local months. */
    public static String period(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate().toString().substring(0, 7);
    }
}
