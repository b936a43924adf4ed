package id.laporwarga.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.geo.GeoPoint;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GridCellsTest {
    @Test
    void everyPointWithinTheRadiusLiesInOneOfTheCellsQueried() {
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 5_000; i++) {
            // Indonesia: 6°N..11°S, 95°E..141°E
            GeoPoint p = new GeoPoint(random.nextDouble(-11, 6), random.nextDouble(95, 141));
            int radius = 50;
            List<String> cells = GridCells.around(p, radius);
            assertEquals(GridCells.of(p), cells.get(0), "the point's own cell first");
            assertTrue(cells.size() <= 4, "a 50 m circle touches at most 4 cells of 111 m: " + cells);
            double bearing = random.nextDouble(0, 2 * Math.PI);
            double meters = random.nextDouble(0, radius);
            GeoPoint q = new GeoPoint(p.lat() + meters * Math.cos(bearing) / 111_320,
                    p.lon() + meters * Math.sin(bearing) / (111_320 * Math.cos(Math.toRadians(p.lat()))));
            assertTrue(q.distanceMetersTo(p) <= radius + 0.5, "the test point is within the radius");
            assertTrue(cells.contains(GridCells.of(q)), p + " -> " + q + " not in " + cells);
        }
    }

    @Test
    void theRadiusIsCapped() {
        GeoPoint p = new GeoPoint(0.7499, 124.3225);
        assertEquals(GridCells.around(p, GridCells.MAX_RADIUS_METERS), GridCells.around(p, 5_000));
    }
}
