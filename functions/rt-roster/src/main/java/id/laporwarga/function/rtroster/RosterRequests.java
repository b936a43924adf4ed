package id.laporwarga.function.rtroster;

import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.roster.RosterRow;
import id.laporwarga.platform.json.JsonFields;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a roster body into rows: CSV with a header line (columns {@value #COLUMNS}; the head's columns may be
 * empty) or JSON {@code {"rts": [{"rtId", "rt", "rw", "kelurahanCode", "headName", "headEmail", "headPhone"}]}}.
 */
final class RosterRequests {
    static final String CSV = "text/csv";
    static final String COLUMNS = "rt_id,rt,rw,kelurahan_code,head_name,head_email,head_phone";
    private static final List<String> REQUIRED = List.of("rt_id", "rt", "rw", "kelurahan_code");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).setIgnoreHeaderCase(true).get();

    private RosterRequests() {
    }

    static boolean isCsv(String contentType) {
        return contentType.toLowerCase(Locale.ROOT).strip().startsWith(CSV);
    }

    static List<RosterRow> csv(String body) {
        String text = body.startsWith("\uFEFF") ? body.substring(1) : body; // a spreadsheet's byte order mark
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            List<String> missing = REQUIRED.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw DomainException.validation(Map.of("header", LocalizedText.of(
                        "baris pertama harus memuat kolom " + COLUMNS + " (kurang: " + String.join(", ", missing) + ")",
                        "the first line must name the columns " + COLUMNS + " (missing: " + String.join(", ", missing)
                                + ")")));
            }
            List<RosterRow> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                rows.add(new RosterRow((int) r.getRecordNumber() + 1, cell(r, "rt_id"), cell(r, "rt"), cell(r, "rw"),
                        cell(r, "kelurahan_code"), cell(r, "head_name"), cell(r, "head_email"), cell(r, "head_phone")));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw DomainException.validation(Map.of("body", LocalizedText.of(
                    "CSV tidak dapat dibaca (kutip tidak tertutup atau kolom ganda)",
                    "the CSV cannot be read (an unclosed quote or a repeated column)")));
        }
    }

    private static String cell(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column) : null;
    }

    static List<RosterRow> json(JsonNode root) {
        JsonFields body = JsonFields.root(root);
        List<JsonFields> items = body.objects("rts");
        List<RosterRow> rows = new ArrayList<>();
        if (items == null && !body.errors().has("rts")) {
            body.errors().required("rts");
        }
        if (items != null) {
            int line = 0;
            for (JsonFields r : items) {
                line++;
                if (r == null) {
                    body.errors().required("rts[" + (line - 1) + "]");
                    continue;
                }
                rows.add(new RosterRow(line, r.string("rtId"), r.string("rt"), r.string("rw"),
                        r.string("kelurahanCode"), r.string("headName"), r.string("headEmail"), r.string("headPhone")));
            }
        }
        body.errors().throwIfAny();
        return rows;
    }
}
