package id.laporwarga.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The questions the seed systems answer with a figure, as SQL files under {@code queries/} that run unchanged on
 * Athena (over the Glue tables) and in DuckDB (over the local Parquet files). Each takes the tenant as its only
 * parameter, written {@code ?} wherever it is needed (Athena: {@code EXECUTE ... USING 'kotamobagu'} or the console's
 * parameter boxes; the analyst tool binds {@code --tenant} to each). docs/analytics.md lists them.
 */
public final class NamedQueries {
    public static final List<String> NAMES = List.of("complaints_per_month", "complaints_per_agency_month",
            "top_categories", "service_times_per_tier", "active_rt_share", "overdue_per_agency");

    private NamedQueries() {
    }

    /** The SQL of a named query, comments included. */
    public static String sql(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no named query '" + name + "'; the queries: " + String.join(", ", NAMES));
        }
        try (InputStream in = NamedQueries.class.getResourceAsStream("queries/" + name + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The leading comment of a named query, in one line. */
    public static String description(String name) {
        return sql(name).lines().takeWhile(l -> l.startsWith("--")).map(l -> l.substring(2).trim())
                .collect(Collectors.joining(" "));
    }

    /** How many tenant parameters ({@code ?}) the query has. */
    public static int parameters(String sql) {
        return (int) sql.chars().filter(c -> c == '?').count();
    }
}
