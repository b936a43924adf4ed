package id.laporwarga.local.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A real photo of sample-data/photos with GPS and capture time rewritten at test time (Commons Imaging). */
final class TaggedPhotos {

    private TaggedPhotos() {
    }

    static Path sampleData() {
        return id.laporwarga.local.privacy.StackHttp.sampleData();
    }

    /** {lat, lon} of the points inside Kotamobagu (kotamobagu.points.csv rows whose level is not "outside"). */
    static List<double[]> insidePoints() {
        try {
            return Files.readAllLines(sampleData().resolve("kotamobagu/kotamobagu.points.csv")).stream().skip(1)
                    .filter(l -> !l.isBlank()).map(l -> l.split(",")).filter(c -> !"outside".equals(c[0]))
                    .map(c -> new double[] {Double.parseDouble(c[4]), Double.parseDouble(c[3])}).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real Nikon photo with GPS at {lat, lon}, taken at {@code taken} (local time in WITA). */
    static byte[] nikon(double[] latLon, LocalDateTime taken, String offset) {
        if (!id.laporwarga.local.privacy.StackHttp.WITA.equals(offset)) {
            throw new IllegalArgumentException("photos are tagged in WITA (Kotamobagu's zone)");
        }
        try {
            return id.laporwarga.local.privacy.StackHttp.tagged(
                    Files.readAllBytes(sampleData().resolve("photos/nikon-coolpix-p6000_gps.jpg")), latLon,
                    DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss").format(taken));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
