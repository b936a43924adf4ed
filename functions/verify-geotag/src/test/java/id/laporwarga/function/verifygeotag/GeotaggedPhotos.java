package id.laporwarga.function.verifygeotag;

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

/** Copies of the real photos in sample-data/photos with GPS and capture time rewritten at test time. */
final class GeotaggedPhotos {
    private static final TagInfoAscii OFFSET_TIME_ORIGINAL =
            new TagInfoAscii("OffsetTimeOriginal", 0x9011, 7, TiffDirectoryType.EXIF_DIRECTORY_EXIF_IFD);

    private GeotaggedPhotos() {
    }

    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("template.yaml"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("template.yaml not found");
        }
        return p;
    }

    static Path sampleData() {
        return repoRoot().resolve("sample-data");
    }

    static byte[] photo(String name) {
        try {
            return Files.readAllBytes(sampleData().resolve("photos").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** The real Nikon photo, GPS at (lat, lon) or none, taken at {@code taken} with offset {@code offset}. */
    static byte[] nikon(double[] latLon, LocalDateTime taken, String offset) {
        byte[] jpeg = photo("nikon-coolpix-p6000_gps.jpg");
        try {
            TiffOutputSet out = ((JpegImageMetadata) Imaging.getMetadata(jpeg)).getExif().getOutputSet();
            out.removeField(GpsTagConstants.GPS_TAG_GPS_LATITUDE);
            out.removeField(GpsTagConstants.GPS_TAG_GPS_LATITUDE_REF);
            out.removeField(GpsTagConstants.GPS_TAG_GPS_LONGITUDE);
            out.removeField(GpsTagConstants.GPS_TAG_GPS_LONGITUDE_REF);
            if (latLon != null) {
                out.setGpsInDegrees(latLon[1], latLon[0]);
            }
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
