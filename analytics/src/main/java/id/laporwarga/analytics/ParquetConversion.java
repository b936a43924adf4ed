package id.laporwarga.analytics;

import id.laporwarga.domain.scoring.CaseExportRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Turns the staging JSON Lines of an export into the Parquet files analysts query, with DuckDB and the conversion
 * SQL of {@code parquet/<dataset>.sql} (the same SELECT the AWS export pipeline runs as an Athena {@code UNLOAD}):
 * {@code <dataset>/tenant=<t>/month=<m>/<dataset>.jsonl.gz} becomes
 * {@code parquet/<dataset>/tenant=<t>/month=<m>/<dataset>.parquet} (Snappy), in a folder or in a bucket.
 */
public final class ParquetConversion {
    public static final List<String> DATASETS = List.of("cases", "rt_scores", "area_stats");
    public static final String PARQUET_ROOT = "parquet/";
    private static final Pattern STAGING_KEY = Pattern.compile(
            "(cases|rt_scores|area_stats)/(tenant=[^/]+/month=[^/]+/)[^/]+\\.jsonl\\.gz");

    private ParquetConversion() {
    }

    /** The DuckDB types of a dataset's staging JSON fields (the Glue staging tables declare the same). */
    public static Map<String, String> sourceColumns(String dataset) {
        Map<String, String> c = new LinkedHashMap<>();
        switch (dataset) {
            case "cases" -> {
                for (RecordComponent rc : CaseExportRecord.class.getRecordComponents()) {
                    c.put(rc.getName(), duckType(rc));
                }
            }
            case "rt_scores" -> {
                for (String s : List.of("tenantId", "period", "rtId", "kecamatanCode", "kelurahanCode", "kelurahanName")) {
                    c.put(s, "VARCHAR");
                }
                c.put("score", "INTEGER");
                c.put("band", "VARCHAR");
                c.put("incentiveRupiah", "BIGINT");
                c.put("provisional", "BOOLEAN");
                c.put("active", "BOOLEAN");
                c.put("clampAdjustment", "INTEGER");
                for (String s : List.of("verified_activity", "service_timeliness", "complaints_resolved",
                        "returned_penalty")) {
                    c.put(s + "_points", "INTEGER");
                }
                c.put("verifiedActivities", "BIGINT");
                c.put("components", "STRUCT(component VARCHAR, raw BIGINT, denominator BIGINT, counted BIGINT,"
                        + " cap INTEGER, weight INTEGER, points INTEGER, noData BOOLEAN)[]");
            }
            case "area_stats" -> {
                for (String s : List.of("tenantId", "period", "level", "kecamatanCode", "kecamatanName",
                        "kelurahanCode", "kelurahanName")) {
                    c.put(s, "VARCHAR");
                }
                c.put("complaintsReceived", "INTEGER");
                c.put("complaintsResolved", "INTEGER");
                c.put("medianHoursToResolve", "DOUBLE");
                c.put("overdue", "INTEGER");
                c.put("rts", "INTEGER");
                c.put("activeRts", "INTEGER");
            }
            default -> throw new IllegalArgumentException("unknown dataset " + dataset);
        }
        return c;
    }

    private static String duckType(RecordComponent rc) {
        Class<?> t = rc.getType();
        if (t == String.class) {
            return "VARCHAR";
        } else if (t == boolean.class || t == Boolean.class) {
            return "BOOLEAN";
        } else if (t == int.class || t == Integer.class) {
            return "INTEGER";
        } else if (t == long.class || t == Long.class) {
            return "BIGINT";
        } else if (t == double.class || t == Double.class) {
            return "DOUBLE";
        } else if (t == List.class && rc.getGenericType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] == String.class) {
            return "VARCHAR[]";
        }
        throw new IllegalStateException("no SQL type for " + rc);
    }

    /** The conversion SELECT of a dataset, with {@code {source}} still in it. */
    public static String selectSql(String dataset) {
        if (!DATASETS.contains(dataset)) {
            throw new IllegalArgumentException("unknown dataset " + dataset);
        }
        try (InputStream in = ParquetConversion.class.getResourceAsStream("parquet/" + dataset + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** DuckDB's reader of one staging file with the declared column types. */
    static String duckSource(String dataset, Path jsonLines) {
        String columns = sourceColumns(dataset).entrySet().stream()
                .map(e -> quoteIdentifier(e.getKey()) + ": '" + e.getValue() + "'")
                .collect(Collectors.joining(", ", "{", "}"));
        return "read_json(" + literal(jsonLines.toAbsolutePath().toString())
                + ", format = 'newline_delimited', compression = 'gzip', columns = " + columns + ")";
    }

    /** Writes {@code parquet} from one staging file of {@code dataset}. */
    public static void convertFile(Connection db, String dataset, Path jsonLines, Path parquet) throws SQLException {
        try {
            Files.createDirectories(parquet.toAbsolutePath().getParent());
            Files.deleteIfExists(parquet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String select = selectSql(dataset).replace("{source}", duckSource(dataset, jsonLines));
        try (Statement s = db.createStatement()) {
            s.execute("COPY (" + select + ") TO " + literal(parquet.toAbsolutePath().toString())
                    + " (FORMAT PARQUET, COMPRESSION SNAPPY)");
        }
    }

    /** The Parquet key of a staging key, or null if {@code key} is not a staging file of a dataset. */
    public static String parquetKey(String stagingKey) {
        Matcher m = STAGING_KEY.matcher(stagingKey);
        return m.matches() ? PARQUET_ROOT + m.group(1) + "/" + m.group(2) + m.group(1) + ".parquet" : null;
    }

    /** Converts every staging file under {@code dir} into {@code dir/parquet/...}; returns the Parquet files. */
    public static List<Path> convertFolder(Path dir) throws SQLException {
        List<Path> written = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            for (String dataset : DATASETS) {
                Path root = dir.resolve(dataset);
                if (!Files.isDirectory(root)) {
                    continue;
                }
                List<Path> staging;
                try (Stream<Path> files = Files.walk(root)) {
                    staging = files.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().toList();
                }
                for (Path file : staging) {
                    String key = dir.relativize(file).toString().replace('\\', '/');
                    String target = parquetKey(key);
                    if (target != null) {
                        Path out = dir.resolve(target);
                        convertFile(db, dataset, file, out);
                        written.add(out);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    /**
     * The local stack's conversion step: reads each staging object of {@code keys} from the bucket, converts it and
     * puts the Parquet file at its key (what the export pipeline's Athena UNLOAD does on AWS). Returns the keys written.
     */
    public static List<String> convertInBucket(S3Client s3, String bucket, List<String> keys) {
        List<String> written = new ArrayList<>();
        Path work = null;
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            work = Files.createTempDirectory("parquet-conversion-");
            for (String key : keys) {
                String target = parquetKey(key);
                if (target == null) {
                    continue;
                }
                String dataset = key.substring(0, key.indexOf('/'));
                Path staging = work.resolve(dataset + ".jsonl.gz");
                Path parquet = work.resolve(dataset + ".parquet");
                Files.deleteIfExists(staging);
                s3.getObject(r -> r.bucket(bucket).key(key), staging);
                convertFile(db, dataset, staging, parquet);
                s3.putObject(r -> r.bucket(bucket).key(target).contentType("application/vnd.apache.parquet"),
                        RequestBody.fromFile(parquet));
                written.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Parquet conversion failed: " + e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
        return written;
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    static String quoteIdentifier(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }
}
