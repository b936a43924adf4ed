package id.laporwarga.domain.time;

import id.laporwarga.domain.error.FieldErrors;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * An inclusive range of local dates in a tenant's zone, as a request names it ({@code from}, {@code to} as
 * {@code YYYY-MM-DD}); either end may be open (null).
 */
public record LocalDateRange(LocalDate from, LocalDate to) {
    /**
     * Parses the request's {@code from} and {@code to}; a missing one takes its default (which may be null: open).
     *
     * @throws id.laporwarga.domain.error.DomainException VALIDATION_FAILED naming each bad field: not a date,
     *                                                   {@code to} before {@code from}, or longer than {@code maxDays}
     */
    public static LocalDateRange parse(String from, String to, LocalDate defaultFrom, LocalDate defaultTo, int maxDays) {
        FieldErrors errors = new FieldErrors();
        LocalDate start = date(from, "from", defaultFrom, errors);
        LocalDate end = date(to, "to", defaultTo, errors);
        if (start != null && end != null && !errors.has("from") && !errors.has("to")) {
            if (end.isBefore(start)) {
                errors.add("to", "tidak boleh sebelum 'from'", "must not be before 'from'");
            } else if (ChronoUnit.DAYS.between(start, end) >= maxDays) {
                errors.add("to", "rentang maksimal " + maxDays + " hari", "range at most " + maxDays + " days");
            }
        }
        errors.throwIfAny();
        return new LocalDateRange(start, end);
    }

    public boolean contains(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    /** The first instant of {@code from} in {@code zone}. */
    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after {@code to} in {@code zone}. */
    public Instant endExclusive(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static LocalDate date(String value, String field, LocalDate fallback, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(field, "tanggal harus YYYY-MM-DD", "date must be YYYY-MM-DD");
            return null;
        }
    }
}
