package id.laporwarga.domain.port;

import id.laporwarga.domain.scoring.ScorePeriod;
import id.laporwarga.domain.tenant.Tenant;
import java.util.List;

/** The analysts' export of one tenant's period: its cases (no reporter), RT scores and area figures. */
public interface AnalyticsExports {
    /** What one export wrote. */
    record Export(String tenant, String period, long cases, int rtScores, int areas, List<String> keys) {
    }

    /** Where exports go (the analytics bucket). */
    String destination();

    /** Writes the period, replacing its previous export (re-running is safe). */
    Export export(Tenant tenant, ScorePeriod period);
}
