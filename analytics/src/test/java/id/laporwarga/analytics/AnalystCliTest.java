package id.laporwarga.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalystCliTest {
    @TempDir
    Path dir;

    private void write(String view, String tenant, String month, String... lines) throws IOException {
        Path file = dir.resolve(view).resolve("tenant=" + tenant).resolve("month=" + month).resolve(view + ".jsonl.gz");
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void countsComplaintsPerAgencyPerMonthOverThePartitions() throws Exception {
        write("cases", "kotamobagu", "2026-09",
                "{\"caseId\":\"a\",\"kind\":\"COMPLAINT\",\"agencyId\":\"dlh\"}",
                "{\"caseId\":\"b\",\"kind\":\"COMPLAINT\",\"agencyId\":\"pupr\"}",
                "{\"caseId\":\"c\",\"kind\":\"RT_ACTIVITY\"}");
        write("cases", "kotamobagu", "2026-10",
                "{\"caseId\":\"d\",\"kind\":\"COMPLAINT\",\"agencyId\":\"dlh\"}",
                "{\"caseId\":\"e\",\"kind\":\"COMPLAINT\",\"agencyId\":\"dlh\",\"overdue\":true}");
        assertEquals(2, ParquetConversion.convertFolder(dir).size());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AnalystCli cli = new AnalystCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err));
        List<List<String>> rows = cli.query(dir, "SELECT agency_id, month, count(*) AS complaints FROM cases "
                + "WHERE kind = 'COMPLAINT' GROUP BY ALL ORDER BY ALL");
        assertEquals(List.of(List.of("agency_id", "month", "complaints"), List.of("dlh", "2026-09", "1"),
                List.of("dlh", "2026-10", "2"), List.of("pupr", "2026-09", "1")), rows);
        assertEquals(rows, cli.query(dir, "SELECT agencyId AS agency_id, month, count(*) AS complaints FROM cases_jsonl "
                + "WHERE kind = 'COMPLAINT' GROUP BY ALL ORDER BY ALL"), "the staging files say the same");

        int code = cli.run(new String[] {"--dir", dir.toString(), "SELECT count(*) AS n FROM cases WHERE tenant = 'kotamobagu'"});
        assertEquals(0, code, err.toString());
        String table = out.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("| n |") && table.contains("| 5 |") && table.contains("1 row"), table);
    }

    @Test
    void viewsWithoutFilesAreEmptyRatherThanErrors() throws Exception {
        AnalystCli cli = new AnalystCli(System.out, System.err);
        assertEquals(List.of(List.of("n"), List.of("0")), cli.query(dir, "SELECT count(*) AS n FROM rt_scores"));
        assertEquals(List.of(List.of("n"), List.of("0")), cli.query(dir, "SELECT count(*) AS n FROM area_stats_jsonl"));
    }
}
