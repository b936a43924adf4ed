package id.laporwarga.domain.roster;

/**
 * One row of a roster import as the city admin sent it (CSV or JSON), before validation. {@code line} is the row's
 * line in the CSV file (or its 1-based index in a JSON list), used in error messages.
 */
public record RosterRow(int line, String rtId, String number, String rw, String kelurahanCode, String headName,
                        String headEmail, String headPhone) {
}
