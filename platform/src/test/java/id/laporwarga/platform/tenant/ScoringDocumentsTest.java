package id.laporwarga.platform.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.error.FieldErrors;
import id.laporwarga.domain.scoring.ScoreComponentType;
import id.laporwarga.domain.scoring.ScoringPolicy;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.json.JsonFields;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

class ScoringDocumentsTest {
    private final Json json = new Json(JsonMapper.createDefault());

    private ScoringPolicy parse(String scoringJson, FieldErrors errors) {
        JsonFields root = JsonFields.root(json.tree("{\"scoring\":" + scoringJson + "}"));
        return ScoringDocuments.parse(root.object("scoring"), errors);
    }

    @Test
    void absentMeansTheDefaultScheme() {
        assertEquals(ScoringPolicy.defaults(), ScoringDocuments.parse(null, new FieldErrors()));
    }

    @Test
    void readsComponentsBandsAndRules() {
        FieldErrors errors = new FieldErrors();
        ScoringPolicy p = parse("""
                {"components":[{"type":"VERIFIED_ACTIVITY","weight":70,"cap":10},
                               {"type":"COMPLAINTS_RESOLVED","weight":30,"noDataPercent":50},
                               {"type":"RETURNED_PENALTY","weight":10,"perItemPoints":2}],
                 "bands":[{"min":0,"max":74,"amountRupiah":0,"label":"Kurang"},
                          {"min":75,"max":100,"amountRupiah":400000,"label":"Baik"}],
                 "maxActivitiesPerDay":1,"lookbackMonths":1}""", errors);
        assertTrue(errors.isEmpty(), errors.asMap().toString());
        assertEquals(10, p.component(ScoreComponentType.VERIFIED_ACTIVITY).cap());
        assertEquals(50, p.component(ScoreComponentType.COMPLAINTS_RESOLVED).noDataPercent());
        assertEquals(400_000, p.band(75).amountRupiah());
        assertEquals(1, p.maxActivitiesPerDay());
        assertEquals(2, p.rtActionWorkingDays(), "default kept");
    }

    @Test
    void reportsEveryProblemAsAFieldError() {
        FieldErrors errors = new FieldErrors();
        ScoringPolicy p = parse("""
                {"components":[{"type":"VERIFIED_ACTIVITY","weight":60,"cap":8},{"type":"BOGUS","weight":1}],
                 "bands":[{"min":0,"max":50,"amountRupiah":0,"label":"a"}]}""", errors);
        assertNull(p);
        assertTrue(errors.has("policies.scoring.components[1].type"), errors.asMap().toString());

        FieldErrors sums = new FieldErrors();
        assertNull(parse("""
                {"components":[{"type":"VERIFIED_ACTIVITY","weight":60,"cap":8}],
                 "bands":[{"min":0,"max":50,"amountRupiah":0,"label":"a"}]}""", sums));
        assertTrue(sums.has("policies.scoring.components"), sums.asMap().toString());
        assertTrue(sums.has("policies.scoring.bands"), sums.asMap().toString());
    }
}
