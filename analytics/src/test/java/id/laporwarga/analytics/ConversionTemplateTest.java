package id.laporwarga.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.laporwarga.emulators.SamTemplate;
import id.laporwarga.testkit.RepositoryFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * template.yaml and the conversion SQL tell one story: the ExportConversion state machine runs each dataset's SELECT
 * as written in {@code parquet/<dataset>.sql}; the staging Glue tables declare the fields DuckDB reads; the Parquet Glue
 * tables declare the columns (names and types) the SELECT writes.
 */
class ConversionTemplateTest {
    static final Map<String, String> STATES = Map.of("cases", "Cases", "rt_scores", "RtScores", "area_stats", "AreaStats");
    static final Map<String, String> STAGING_TABLES = Map.of("cases", "AnalyticsCasesStagingTable",
            "rt_scores", "AnalyticsRtScoresStagingTable", "area_stats", "AnalyticsAreaStatsStagingTable");
    static final Map<String, String> PARQUET_TABLES = Map.of("cases", "AnalyticsCasesGlueTable",
            "rt_scores", "AnalyticsRtScoresGlueTable", "area_stats", "AnalyticsAreaStatsGlueTable");

    final SamTemplate template = SamTemplate.load(RepositoryFiles.templateYaml());

    @TempDir
    Path dir;

    /** The UNLOAD a Task state of the state machine must run for {@code dataset}. */
    static String unload(String dataset) {
        String select = ParquetConversion.selectSql(dataset).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("--")).collect(Collectors.joining(" "))
                .replace("{source}", "${Database}." + dataset + "_jsonl WHERE tenant = \\'{}\\' AND month = \\'{}\\'");
        return "States.Format('UNLOAD (" + select + ") TO \\'s3://${Bucket}/parquet/" + dataset
                + "/tenant={}/month={}/\\' WITH (format = \\'PARQUET\\', compression = \\'SNAPPY\\')', $.tenant, $.month,"
                + " $.tenant, $.month)";
    }

    @Test
    void theStateMachineUnloadsWithTheConversionSqlOfEachDataset() {
        Map<String, Object> states = map(map(template.resource("ExportConversion").properties().get("Definition"))
                .get("States"));
        for (String dataset : ParquetConversion.DATASETS) {
            Map<String, Object> task = map(states.get(STATES.get(dataset)));
            assertEquals("arn:aws:states:::athena:startQueryExecution.sync", task.get("Resource"));
            assertEquals(unload(dataset), map(task.get("Parameters")).get("QueryString.$"),
                    dataset + ": regenerate the template's QueryString from parquet/" + dataset + ".sql");
        }
    }

    @Test
    void stagingTablesDeclareTheFieldsDuckDbReads() {
        for (String dataset : ParquetConversion.DATASETS) {
            Map<String, String> expected = new LinkedHashMap<>();
            ParquetConversion.sourceColumns(dataset).forEach((name, type) ->
                    expected.put(name.toLowerCase(Locale.ROOT), glue(type)));
            assertEquals(expected, columns(STAGING_TABLES.get(dataset)), dataset);
        }
    }

    @Test
    void parquetTablesDeclareTheColumnsTheConversionWrites() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement()) {
            for (String dataset : ParquetConversion.DATASETS) {
                Path empty = dir.resolve(dataset + ".jsonl.gz");
                new GZIPOutputStream(Files.newOutputStream(empty)).close();
                Map<String, String> written = new LinkedHashMap<>();
                try (ResultSet r = s.executeQuery("DESCRIBE " + ParquetConversion.selectSql(dataset)
                        .replace("{source}", ParquetConversion.duckSource(dataset, empty)))) {
                    while (r.next()) {
                        written.put(r.getString("column_name"), glue(r.getString("column_type")));
                    }
                }
                assertEquals(written, columns(PARQUET_TABLES.get(dataset)), dataset);
            }
        }
    }

    /** A DuckDB type in Glue's (Hive) notation. */
    static String glue(String duck) {
        String t = duck.strip();
        if (t.endsWith("[]")) {
            return "array<" + glue(t.substring(0, t.length() - 2)) + ">";
        }
        if (t.startsWith("STRUCT(")) {
            String fields = t.substring(7, t.length() - 1);
            return "struct<" + List.of(fields.split(",\\s*")).stream().map(f -> {
                String[] nameType = f.strip().split("\\s+", 2);
                return nameType[0].replace("\"", "").toLowerCase(Locale.ROOT) + ":" + glue(nameType[1]);
            }).collect(Collectors.joining(",")) + ">";
        }
        return switch (t) {
            case "VARCHAR" -> "string";
            case "INTEGER" -> "int";
            case "BIGINT" -> "bigint";
            case "DOUBLE" -> "double";
            case "BOOLEAN" -> "boolean";
            default -> throw new IllegalArgumentException("no Glue type for " + duck);
        };
    }

    Map<String, String> columns(String table) {
        Map<String, Object> input = map(template.resource(table).properties().get("TableInput"));
        Map<String, String> out = new LinkedHashMap<>();
        for (Object c : (List<?>) map(input.get("StorageDescriptor")).get("Columns")) {
            out.put(String.valueOf(map(c).get("Name")), String.valueOf(map(c).get("Type")));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
