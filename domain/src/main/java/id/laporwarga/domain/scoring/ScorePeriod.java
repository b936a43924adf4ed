package id.laporwarga.domain.scoring;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.LocalizedText;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A scoring period: one local calendar month in the tenant's zone, [start, end). */
public record ScorePeriod(YearMonth month, ZoneId zone) {
    public ScorePeriod {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(zone, "zone");
    }

    /** Parses "yyyy-MM"; throws IllegalArgumentException otherwise. */
    public static ScorePeriod parse(String period, ZoneId zone) {
        if (period == null || !period.matches("\\d{4}-\\d{2}")) {
            throw new IllegalArgumentException("period must be yyyy-MM");
        }
        try {
            return new ScorePeriod(YearMonth.parse(period), zone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("period must be yyyy-MM", e);
        }
    }

    /**
     * The period a request names ({@code "yyyy-MM"}), or the last closed month (the one before {@code now}'s) when it
     * names none. The one parser of requested periods: the public API, scoring and the export.
     *
     * @throws DomainException VALIDATION_FAILED on {@code period} when it is not {@code yyyy-MM}
     */
    public static ScorePeriod requested(String period, ZoneId zone, Instant now) {
        if (period == null || period.isBlank()) {
            return containing(now, zone).previous();
        }
        try {
            return parse(period, zone);
        } catch (IllegalArgumentException e) {
            throw DomainException.validation(Map.of("period",
                    LocalizedText.of("format yyyy-MM, contoh 2026-10", "format yyyy-MM, e.g. 2026-10")));
        }
    }

    /** The local month containing {@code instant}. */
    public static ScorePeriod containing(Instant instant, ZoneId zone) {
        return new ScorePeriod(YearMonth.from(instant.atZone(zone)), zone);
    }

    public String id() {
        return month.toString();
    }

    public Instant start() {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    public boolean contains(Instant instant) {
        return instant != null && !instant.isBefore(start()) && instant.isBefore(end());
    }

    public ScorePeriod previous() {
        return new ScorePeriod(month.minusMonths(1), zone);
    }

    /** This period and the {@code lookbackMonths} before it, oldest first: the case periods scoring has to read. */
    public List<String> periodsToRead(int lookbackMonths) {
        List<String> out = new ArrayList<>();
        for (int i = lookbackMonths; i >= 0; i--) {
            out.add(month.minusMonths(i).toString());
        }
        return out;
    }

    /** The 12 periods ending with this one, newest first (the public trend). */
    public List<String> lastTwelve() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            out.add(month.minusMonths(i).toString());
        }
        return out;
    }

    @Override
    public String toString() {
        return id();
    }
}
