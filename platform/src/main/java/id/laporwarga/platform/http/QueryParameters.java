package id.laporwarga.platform.http;

import id.laporwarga.domain.error.FieldErrors;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one reader of a route's query parameters: each value is checked against its type (an enum's names, an integer
 * range, a {@code YYYY-MM-DD} date, a {@code yyyy-MM} period, a pattern) and every wrong one is named in a single
 * 400 {@code VALIDATION_FAILED} ({@link #done()}), so {@code ?kind=NOPE} or {@code to} before {@code from} is never
 * answered as if the parameter were absent. A missing (or empty) parameter is null: the route's default applies.
 */
public final class QueryParameters {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-\\d{2}");

    private final ApiRequest request;
    private final FieldErrors errors = new FieldErrors();

    private QueryParameters(ApiRequest request) {
        this.request = request;
    }

    public static QueryParameters of(ApiRequest request) {
        return new QueryParameters(request);
    }

    /** The value as one of {@code type}'s names (upper case), or null when absent. */
    public <E extends Enum<E>> String oneOf(String name, Class<E> type) {
        Optional<String> raw = request.query(name);
        if (raw.isEmpty()) {
            return null;
        }
        String value = raw.get().strip().toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return value;
            }
        }
        String names = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        errors.add(name, "harus salah satu dari " + names, "must be one of " + names);
        return null;
    }

    /** An integer in {@code min..max}, or null when absent. */
    public Integer integer(String name, int min, int max) {
        Optional<String> raw = request.query(name);
        if (raw.isEmpty()) {
            return null;
        }
        try {
            int n = Integer.parseInt(raw.get().strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(name, "bilangan bulat " + min + " sampai " + max, "an integer from " + min + " to " + max);
        return null;
    }

    /** A local date {@code YYYY-MM-DD}, or null when absent. */
    public LocalDate date(String name) {
        return parsed(name, DATE, LocalDate::parse, "tanggal harus YYYY-MM-DD", "date must be YYYY-MM-DD");
    }

    /** A local month {@code yyyy-MM}, or null when absent. */
    public YearMonth period(String name) {
        return parsed(name, PERIOD, YearMonth::parse, "format yyyy-MM, contoh 2026-10", "format yyyy-MM, e.g. 2026-10");
    }

    /** {@code from} and {@code to} as checked text, each a date or null. */
    public record DateRange(String from, String to) {
    }

    /**
     * The dates {@code fromName} and {@code toName} ({@code YYYY-MM-DD}, the second not before the first), checked
     * with every other parameter read so far ({@link #done()} included).
     */
    public DateRange dateRange(String fromName, String toName) {
        LocalDate from = date(fromName);
        LocalDate to = date(toName);
        notBefore(toName, to, from, fromName);
        done();
        return new DateRange(text(from), text(to));
    }

    private <T> T parsed(String name, Pattern shape, java.util.function.Function<String, T> parser, String ruleIndonesian,
                         String ruleEnglish) {
        Optional<String> raw = request.query(name);
        if (raw.isEmpty()) {
            return null;
        }
        if (shape.matcher(raw.get()).matches()) {
            try {
                return parser.apply(raw.get());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        errors.add(name, ruleIndonesian, ruleEnglish);
        return null;
    }

    /** A text value that matches {@code allowed} entirely, or null when absent. */
    public String matching(String name, Pattern allowed, String ruleIndonesian, String ruleEnglish) {
        Optional<String> raw = request.query(name);
        if (raw.isEmpty()) {
            return null;
        }
        if (allowed.matcher(raw.get()).matches()) {
            return raw.get();
        }
        errors.add(name, ruleIndonesian, ruleEnglish);
        return null;
    }

    /** Reports {@code laterName} when both dates are given and it lies before {@code earlier}. */
    public void notBefore(String laterName, LocalDate later, LocalDate earlier, String earlierName) {
        if (later != null && earlier != null && later.isBefore(earlier)) {
            errors.add(laterName, "tidak boleh sebelum '" + earlierName + "'", "must not be before '" + earlierName + "'");
        }
    }

    /** 400 VALIDATION_FAILED naming every wrong parameter, if any. */
    public void done() {
        errors.throwIfAny();
    }

    /** {@code value.toString()}, null for null (to hand a checked date or period on as text). */
    public static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
