package id.laporwarga.analytics;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.QueryProgress;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The analysts' SQL tool: runs one SQL statement, or one of the {@link NamedQueries}, with DuckDB over the exported
 * Parquet files and prints a table. The views {@code cases}, {@code rt_scores} and {@code area_stats} read
 * {@code <dir>/parquet/<view>/tenant=*}{@code /month=*}{@code /*.parquet} with the Hive partition columns
 * {@code tenant} and {@code month}: the names and columns of the Glue tables on AWS, so the same SQL runs on Athena.
 * {@code <view>_jsonl} read the staging JSON Lines the same way. DuckDB gets {@code approx_percentile(x, p)} (Athena's
 * name) as a macro for its exact {@code quantile_disc}.
 *
 * <pre>
 * lapor-analyst [--dir DIR] [--s3 BUCKET [--endpoint URL] [--region REGION]] [--tenant T] ("SQL" | --query NAME | --list)
 *   --dir       where the export lives locally (default local-data/analytics)
 *   --s3        first copy the bucket's exports (parquet/ and the staging files) into --dir (local stack: moto's S3)
 *   --endpoint  S3 endpoint (default $AWS_ENDPOINT_URL_S3, then $AWS_ENDPOINT_URL; none = AWS)
 *   --query     run a named query; --tenant (default kotamobagu) is bound to each of its ? parameters
 *   --list      list the named queries
 * </pre>
 * A progress line goes to stderr while a query runs longer than half a second; the table goes to stdout.
 */
public final class AnalystCli {
    public static final List<String> VIEWS = ParquetConversion.DATASETS;
    /** DuckDB macros for the Athena (Trino) functions the named queries use. */
    static final List<String> ATHENA_COMPATIBILITY = List.of(
            "CREATE OR REPLACE MACRO approx_percentile(x, p) AS quantile_disc(x, p)");

    private final PrintStream out;
    private final PrintStream err;

    public AnalystCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int code = new AnalystCli(System.out, System.err).run(args);
        System.exit(code);
    }

    /** Runs the command; returns the process exit code. */
    public int run(String[] args) {
        Path dir = Paths.get("local-data", "analytics");
        String bucket = null;
        String endpoint = firstNonBlank(System.getenv("AWS_ENDPOINT_URL_S3"), System.getenv("AWS_ENDPOINT_URL"));
        String region = firstNonBlank(System.getenv("AWS_REGION"), "ap-southeast-3");
        String sql = null;
        String tenant = "kotamobagu";
        boolean named = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Paths.get(args[++i]);
                case "--tenant" -> tenant = args[++i];
                case "--query" -> {
                    named = true;
                    sql = args[++i];
                }
                case "--list" -> {
                    for (String name : NamedQueries.NAMES) {
                        out.println(name + "\n    " + NamedQueries.description(name));
                    }
                    return 0;
                }
                case "--s3" -> bucket = args[++i];
                case "--endpoint" -> endpoint = args[++i];
                case "--region" -> region = args[++i];
                case "-h", "--help" -> {
                    usage();
                    return 0;
                }
                default -> sql = sql == null ? args[i] : sql + " " + args[i];
            }
        }
        if (sql == null || sql.isBlank()) {
            usage();
            return 2;
        }
        try {
            if (bucket != null) {
                download(bucket, endpoint, region, dir);
            }
            List<List<String>> table = named ? query(dir, NamedQueries.sql(sql), tenant) : query(dir, sql);
            printTable(table);
            return 0;
        } catch (SQLException e) {
            err.println("SQL error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private void usage() {
        err.println("usage: lapor-analyst [--dir DIR] [--s3 BUCKET [--endpoint URL] [--region REGION]] [--tenant T]"
                + " (\"SQL\" | --query NAME | --list)");
        err.println("views: cases, rt_scores, area_stats (Parquet; partition columns tenant, month) and their staging"
                + " JSON Lines cases_jsonl, rt_scores_jsonl, area_stats_jsonl");
        err.println("named queries (--query): " + String.join(", ", NamedQueries.NAMES));
        err.println("example: lapor-analyst \"SELECT agency_id, month, count(*) AS complaints FROM cases"
                + " WHERE kind = 'COMPLAINT' GROUP BY ALL ORDER BY ALL\"");
    }

    /** Copies every exported object of the bucket into {@code dir}, keeping the key layout. */
    public void download(String bucket, String endpoint, String region, Path dir) {
        var builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(region));
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
            String key = firstNonBlank(System.getenv("AWS_ACCESS_KEY_ID"), "test");
            String secret = firstNonBlank(System.getenv("AWS_SECRET_ACCESS_KEY"), "test");
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        try (S3Client s3 = builder.build()) {
            List<S3Object> objects = new ArrayList<>();
            for (String view : VIEWS) {
                s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(view + "/")).contents().forEach(objects::add);
                s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(ParquetConversion.PARQUET_ROOT + view + "/"))
                        .contents().forEach(objects::add);
            }
            int n = 0;
            for (S3Object o : objects) {
                Path target = dir.resolve(o.key()).normalize();
                if (!target.startsWith(dir.normalize())) {
                    continue; // a key with ".." never leaves the directory
                }
                Files.createDirectories(target.getParent());
                Files.deleteIfExists(target);
                s3.getObject(r -> r.bucket(bucket).key(o.key()), target);
                n++;
                err.printf(Locale.ROOT, "\rdownloading s3://%s: %d/%d files", bucket, n, objects.size());
            }
            err.printf(Locale.ROOT, "\rdownloaded %d files from s3://%s into %s%n", n, bucket, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code sql} over the files under {@code dir}; the first row holds the column names. */
    public List<List<String>> query(Path dir, String sql) throws SQLException {
        return query(dir, sql, null);
    }

    /** Runs {@code sql} with {@code tenant} bound to each of its {@code ?} parameters. */
    public List<List<String>> query(Path dir, String sql, String tenant) throws SQLException {
        try (Connection db = open(dir)) {
            try (DuckDBPreparedStatement statement = db.prepareStatement(sql).unwrap(DuckDBPreparedStatement.class)) {
                for (int p = 1; tenant != null && p <= NamedQueries.parameters(sql); p++) {
                    statement.setString(p, tenant);
                }
                return runWithProgress(statement);
            }
        }
    }

    /** An in-memory DuckDB with the views over {@code dir} and the Athena compatibility macros. */
    public static Connection open(Path dir) throws SQLException {
        Connection db = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = db.createStatement()) {
            s.execute("SET enable_progress_bar = true");
            s.execute("SET enable_progress_bar_print = false");
            for (String macro : ATHENA_COMPATIBILITY) {
                s.execute(macro);
            }
            for (String view : VIEWS) {
                s.execute(viewSql(dir.resolve(ParquetConversion.PARQUET_ROOT + view), view, ".parquet"));
                s.execute(viewSql(dir.resolve(view), view + "_jsonl", ".jsonl.gz"));
            }
        } catch (SQLException e) {
            db.close();
            throw e;
        }
        return db;
    }

    static String viewSql(Path root, String view, String suffix) {
        if (!hasFiles(root, suffix)) {
            // an empty view with the partition columns, so queries over a month without exports still parse
            return "CREATE OR REPLACE VIEW " + view + " AS SELECT NULL::VARCHAR AS tenant, NULL::VARCHAR AS month WHERE false";
        }
        String glob = ParquetConversion.literal(root.toAbsolutePath() + "/*/*/*" + suffix);
        String reader = suffix.endsWith(".parquet") ? "read_parquet(" + glob + ", "
                : "read_json_auto(" + glob + ", format = 'newline_delimited', ";
        return "CREATE OR REPLACE VIEW " + view + " AS SELECT * FROM " + reader
                + "hive_partitioning = true, union_by_name = true, hive_types = {'tenant': VARCHAR, 'month': VARCHAR})";
    }

    private static boolean hasFiles(Path root, String suffix) {
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.anyMatch(p -> p.toString().endsWith(suffix));
        } catch (IOException e) {
            return false;
        }
    }

    private List<List<String>> runWithProgress(DuckDBPreparedStatement statement) throws SQLException {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "duckdb-query");
            t.setDaemon(true);
            return t;
        });
        long started = System.nanoTime();
        boolean progressShown = false;
        try {
            Future<List<List<String>>> result = worker.submit(() -> {
                try (ResultSet rs = statement.executeQuery()) {
                    return rows(rs);
                }
            });
            while (true) {
                try {
                    List<List<String>> rows = result.get(250, TimeUnit.MILLISECONDS);
                    if (progressShown) {
                        err.printf(Locale.ROOT, "\rdone in %.1f s%-40s%n", (System.nanoTime() - started) / 1e9, "");
                    }
                    return rows;
                } catch (TimeoutException stillRunning) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    if (seconds >= 0.5) {
                        progressShown = true;
                        err.print("\r" + progressLine(statement, seconds));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException(e.getCause());
        } finally {
            worker.shutdownNow();
        }
    }

    static String progressLine(DuckDBPreparedStatement statement, double seconds) {
        String pct = "";
        try {
            QueryProgress p = statement.getQueryProgress();
            if (p != null && p.getPercentage() >= 0) {
                pct = String.format(Locale.ROOT, " %5.1f%% (%,d of %,d rows)", p.getPercentage(),
                        p.getRowsProcessed(), p.getTotalRowsToProcess());
            }
        } catch (SQLException | RuntimeException ignored) {
            // progress is best effort
        }
        return String.format(Locale.ROOT, "running %.1f s%s", seconds, pct);
    }

    private static List<List<String>> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (int c = 1; c <= md.getColumnCount(); c++) {
            header.add(md.getColumnLabel(c));
        }
        rows.add(header);
        while (rs.next()) {
            List<String> row = new ArrayList<>(header.size());
            for (int c = 1; c <= header.size(); c++) {
                Object v = rs.getObject(c);
                row.add(v == null ? "NULL" : v.toString());
            }
            rows.add(row);
        }
        return rows;
    }

    void printTable(List<List<String>> table) {
        int columns = table.get(0).size();
        int[] width = new int[columns];
        for (List<String> row : table) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.min(60, Math.max(width[c], row.get(c).length()));
            }
        }
        StringBuilder rule = new StringBuilder("+");
        for (int w : width) {
            rule.append("-".repeat(w + 2)).append('+');
        }
        out.println(rule);
        for (int r = 0; r < table.size(); r++) {
            StringBuilder line = new StringBuilder("|");
            for (int c = 0; c < columns; c++) {
                String v = table.get(r).get(c);
                if (v.length() > width[c]) {
                    v = v.substring(0, width[c] - 1) + "…";
                }
                line.append(' ').append(String.format(Locale.ROOT, "%-" + width[c] + "s", v)).append(" |");
            }
            out.println(line);
            if (r == 0) {
                out.println(rule);
            }
        }
        out.println(rule);
        out.println((table.size() - 1) + (table.size() == 2 ? " row" : " rows"));
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
