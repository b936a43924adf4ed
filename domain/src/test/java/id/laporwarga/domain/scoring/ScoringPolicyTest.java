package id.laporwarga.domain.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringPolicyTest {
    @Test
    void defaultBandsPayLikeMakassar() {
        ScoringPolicy p = ScoringPolicy.defaults();
        assertEquals(0, p.band(59).amountRupiah());
        assertEquals(250_000, p.band(60).amountRupiah());
        assertEquals(250_000, p.band(70).amountRupiah());
        assertEquals(500_000, p.band(71).amountRupiah());
        assertEquals(750_000, p.band(90).amountRupiah());
        assertEquals(1_000_000, p.band(91).amountRupiah());
        assertEquals(1_000_000, p.band(100).amountRupiah());
    }

    @Test
    void rejectsWeightsThatDoNotAddUpAndBandsWithGaps() {
        var activity = new ScoreComponent(ScoreComponentType.VERIFIED_ACTIVITY, 60, 8, 0, 0);
        var complaints = new ScoreComponent(ScoreComponentType.COMPLAINTS_RESOLVED, 30, 0, 0, 100);
        List<String> problems = ScoringPolicy.problems(List.of(activity, complaints),
                List.of(new IncentiveBand(0, 59, 0, "a"), new IncentiveBand(61, 100, 1, "b")), 2, 2, 2);
        assertTrue(problems.stream().anyMatch(p -> p.contains("add up to 100")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("gaps")), problems.toString());
        assertThrows(IllegalArgumentException.class, () -> new ScoringPolicy(List.of(activity, complaints),
                ScoringPolicy.defaultBands(), 2, 2, 2));
        assertTrue(ScoringPolicy.problems(ScoringPolicy.defaults().components(), ScoringPolicy.defaultBands(), 2, 2, 2)
                .isEmpty());
    }
}
