package id.laporwarga.local.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real photos of {@code sample-data/photos} (found from the repository root), and
 * copies of the real Nikon photo with GPS and capture time written at test time (Apache Commons Imaging), saved as
 * temporary files for {@code curl --upload-file}.
 */
final class GeotaggedPhotos {
    static final String WITA = "+08:00";

    private GeotaggedPhotos() {
    }

    static Path repoRoot() {
        return id.laporwarga.local.privacy.StackHttp.repoRoot();
    }

    static Path sampleData() {
        return id.laporwarga.local.privacy.StackHttp.sampleData();
    }

    static Path realPhoto(String name) {
        return sampleData().resolve("photos").resolve(name);
    }

    /** {lat, lon} of the rows of kotamobagu.points.csv whose level is (or is not) "outside". */
    static List<double[]> points(boolean outside) {
        try {
            return Files.readAllLines(sampleData().resolve("kotamobagu/kotamobagu.points.csv")).stream().skip(1)
                    .filter(l -> !l.isBlank())
                    .map(l -> l.split(","))
                    .filter(c -> "outside".equals(c[0]) == outside)
                    .map(c -> new double[] {Double.parseDouble(c[4]), Double.parseDouble(c[3])})
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The point of a named row (column "nama") of kotamobagu.points.csv as {lat, lon}. */
    static double[] point(String name) {
        return id.laporwarga.local.privacy.StackHttp.point(name);
    }

    /**
     * A temporary JPEG: the real Nikon photo with GPS at {@code latLon} (none if null), taken an hour ago in WITA
     * (Kotamobagu's zone), so that only the location decides the verdict.
     */
    static Path nikonTakenAnHourAgo(double[] latLon) {
        try {
            byte[] jpeg = id.laporwarga.local.privacy.StackHttp.tagged(
                    Files.readAllBytes(realPhoto("nikon-coolpix-p6000_gps.jpg")), latLon,
                    id.laporwarga.local.privacy.StackHttp.anHourAgo());
            Path file = Files.createTempFile("e2e-photo-", ".jpg");
            file.toFile().deleteOnExit();
            Files.write(file, jpeg);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
