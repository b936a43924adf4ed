package id.laporwarga.local.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.GpsTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryType;
import org.apache.commons.imaging.formats.tiff.taginfos.TagInfoAscii;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** A real photo of shared/data/photos with GPS and capture time rewritten at test time (Commons Imaging). */
final class TaggedPhotos {
    private static final TagInfoAscii OFFSET_TIME_ORIGINAL =
            new TagInfoAscii("OffsetTimeOriginal", 0x9011, 7, TiffDirectoryType.EXIF_DIRECTORY_EXIF_IFD);

    private TaggedPhotos() {
    }

    static Path sharedData() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("template.yaml"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
        }
        return p.resolveSibling("shared").resolve("data");
    }

    /** {lat, lon} of the points inside Kotamobagu (kotamobagu.points.csv rows whose level is not "outside"). */
    static List<double[]> insidePoints() {
        try {
            return Files.readAllLines(sharedData().resolve("boundaries/kotamobagu.points.csv")).stream().skip(1)
                    .filter(l -> !l.isBlank()).map(l -> l.split(",")).filter(c -> !"outside".equals(c[0]))
                    .map(c -> new double[] {Double.parseDouble(c[4]), Double.parseDouble(c[3])}).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real Nikon photo with GPS at {lat, lon}, taken at {@code taken} (local time at {@code offset}). */
    static byte[] nikon(double[] latLon, LocalDateTime taken, String offset) {
        try {
            byte[] jpeg = Files.readAllBytes(sharedData().resolve("photos/nikon-coolpix-p6000_gps.jpg"));
            TiffOutputSet out = ((JpegImageMetadata) Imaging.getMetadata(jpeg)).getExif().getOutputSet();
            out.removeField(GpsTagConstants.GPS_TAG_GPS_LATITUDE);
            out.removeField(GpsTagConstants.GPS_TAG_GPS_LATITUDE_REF);
            out.removeField(GpsTagConstants.GPS_TAG_GPS_LONGITUDE);
            out.removeField(GpsTagConstants.GPS_TAG_GPS_LONGITUDE_REF);
            out.setGpsInDegrees(latLon[1], latLon[0]);
            TiffOutputDirectory exif = out.getOrCreateExifDirectory();
            exif.removeField(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL);
            exif.add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL,
                    DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss").format(taken));
            exif.removeField(OFFSET_TIME_ORIGINAL);
            exif.add(OFFSET_TIME_ORIGINAL, offset);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(jpeg, bytes, out);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
