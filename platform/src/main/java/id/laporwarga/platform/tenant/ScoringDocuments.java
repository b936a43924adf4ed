package id.laporwarga.platform.tenant;

import id.laporwarga.domain.error.FieldErrors;
import id.laporwarga.domain.scoring.IncentiveBand;
import id.laporwarga.domain.scoring.ScoreComponent;
import id.laporwarga.domain.scoring.ScoreComponentType;
import id.laporwarga.domain.scoring.ScoringPolicy;
import id.laporwarga.platform.json.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code policies.scoring} of a tenant document. Absent: the default (Makassar-like) scheme. Every problem is a
 * field error under {@code policies.scoring}. Example:
 * <pre>{@code
 * "scoring": {
 *   "components": [
 *     {"type": "VERIFIED_ACTIVITY", "weight": 50, "cap": 8},
 *     {"type": "SERVICE_TIMELINESS", "weight": 25, "noDataPercent": 100},
 *     {"type": "COMPLAINTS_RESOLVED", "weight": 25, "noDataPercent": 100},
 *     {"type": "RETURNED_PENALTY", "weight": 20, "perItemPoints": 5}
 *   ],
 *   "bands": [{"min": 0, "max": 59, "amountRupiah": 0, "label": "Belum memenuhi"}, ...],
 *   "maxActivitiesPerDay": 2, "rtActionWorkingDays": 2, "lookbackMonths": 2
 * }
 * }</pre>
 */
public final class ScoringDocuments {
    private static final String FIELD = "policies.scoring";

    private ScoringDocuments() {
    }

    /** The policy, or null after recording field errors (the caller throws them all at once). */
    public static ScoringPolicy parse(JsonFields scoring, FieldErrors errors) {
        if (scoring == null) {
            return ScoringPolicy.defaults();
        }
        ScoringPolicy defaults = ScoringPolicy.defaults();
        boolean ok = true;
        List<ScoreComponent> components = defaults.components();
        List<JsonFields> list = scoring.objects("components");
        if (list != null) {
            components = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonFields c = list.get(i);
                if (c == null) {
                    ok = false;
                    continue;
                }
                String field = FIELD + ".components[" + i + "]";
                ScoreComponentType type = null;
                String typeName = c.string("type");
                try {
                    type = typeName == null ? null : ScoreComponentType.valueOf(typeName.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    // reported below
                }
                if (type == null) {
                    errors.add(field + ".type", "salah satu dari " + List.of(ScoreComponentType.values()),
                            "one of " + List.of(ScoreComponentType.values()));
                    ok = false;
                    continue;
                }
                Long weight = c.integer("weight");
                if (weight == null) {
                    errors.required(field + ".weight");
                    ok = false;
                    continue;
                }
                try {
                    components.add(new ScoreComponent(type, weight.intValue(), intOr(c.integer("cap"), 0),
                            intOr(c.integer("perItemPoints"), 0), intOr(c.integer("noDataPercent"), 0)));
                } catch (IllegalArgumentException e) {
                    errors.add(field, "tidak valid: " + e.getMessage(), "invalid: " + e.getMessage());
                    ok = false;
                }
            }
        }
        List<IncentiveBand> bands = defaults.bands();
        List<JsonFields> bandList = scoring.objects("bands");
        if (bandList != null) {
            bands = new ArrayList<>();
            for (int i = 0; i < bandList.size(); i++) {
                JsonFields b = bandList.get(i);
                if (b == null) {
                    ok = false;
                    continue;
                }
                String field = FIELD + ".bands[" + i + "]";
                Long min = b.integer("min");
                Long max = b.integer("max");
                Long amount = b.integer("amountRupiah");
                String label = b.string("label");
                if (min == null || max == null || amount == null || label == null) {
                    errors.add(field, "min, max, amountRupiah dan label wajib diisi",
                            "min, max, amountRupiah and label are required");
                    ok = false;
                    continue;
                }
                try {
                    bands.add(new IncentiveBand(min.intValue(), max.intValue(), amount, label));
                } catch (IllegalArgumentException e) {
                    errors.add(field, "tidak valid: " + e.getMessage(), "invalid: " + e.getMessage());
                    ok = false;
                }
            }
        }
        int perDay = intOr(scoring.integer("maxActivitiesPerDay"), defaults.maxActivitiesPerDay());
        int rtDays = intOr(scoring.integer("rtActionWorkingDays"), defaults.rtActionWorkingDays());
        int lookback = intOr(scoring.integer("lookbackMonths"), defaults.lookbackMonths());
        if (!ok) {
            return null;
        }
        List<String> problems = ScoringPolicy.problems(components, bands, perDay, rtDays, lookback);
        if (!problems.isEmpty()) {
            for (String p : problems) {
                int colon = p.indexOf(':');
                errors.add(FIELD + "." + p.substring(0, colon), p.substring(colon + 2), p.substring(colon + 2));
            }
            return null;
        }
        return new ScoringPolicy(components, bands, perDay, rtDays, lookback);
    }

    private static int intOr(Long value, int fallback) {
        return value == null ? fallback : value.intValue();
    }
}
