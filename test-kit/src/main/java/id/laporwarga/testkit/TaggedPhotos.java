package id.laporwarga.testkit;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.GpsTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryType;
import org.apache.commons.imaging.formats.tiff.taginfos.TagInfoAscii;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Copies of the real photos of {@code sample-data/photos} with their GPS and capture time rewritten at test time
 * (Apache Commons Imaging, lossless EXIF rewrite: the pixels and the other tags, make and model, stay). No tagged
 * binary is committed.
 */
public final class TaggedPhotos {
    /** Kotamobagu's offset (WITA), as EXIF's OffsetTimeOriginal writes it. */
    public static final String WITA = "+08:00";
    public static final String NIKON = "nikon-coolpix-p6000_gps.jpg";
    public static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");
    public static final TagInfoAscii OFFSET_TIME_ORIGINAL =
            new TagInfoAscii("OffsetTimeOriginal", 0x9011, 7, TiffDirectoryType.EXIF_DIRECTORY_EXIF_IFD);

    private TaggedPhotos() {
    }

    /**
     * A copy of {@code jpeg} with GPS at {@code latLon} ({lat, lon}, raw degrees written as they are; no GPS when null),
     * DateTimeOriginal = {@code dateTimeOriginal} verbatim and OffsetTimeOriginal = {@code offset} (each absent when
     * null).
     */
    public static byte[] retag(byte[] jpeg, double[] latLon, String dateTimeOriginal, String offset) {
        try {
            ImageMetadata metadata = Imaging.getMetadata(jpeg);
            TiffOutputSet out = metadata instanceof JpegImageMetadata jm && jm.getExif() != null
                    ? jm.getExif().getOutputSet() : new TiffOutputSet();
            if (out.getGpsDirectory() != null) {
                out.removeField(GpsTagConstants.GPS_TAG_GPS_LATITUDE);
                out.removeField(GpsTagConstants.GPS_TAG_GPS_LATITUDE_REF);
                out.removeField(GpsTagConstants.GPS_TAG_GPS_LONGITUDE);
                out.removeField(GpsTagConstants.GPS_TAG_GPS_LONGITUDE_REF);
            }
            if (latLon != null) {
                out.setGpsInDegrees(latLon[1], latLon[0]);
            }
            TiffOutputDirectory exif = out.getOrCreateExifDirectory();
            exif.removeField(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL);
            exif.removeField(OFFSET_TIME_ORIGINAL);
            if (dateTimeOriginal != null) {
                exif.add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, dateTimeOriginal);
            }
            if (offset != null) {
                exif.add(OFFSET_TIME_ORIGINAL, offset);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(jpeg, bytes, out);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #retag(byte[], double[], String, String)} with the capture time as a local date-time (null: none). */
    public static byte[] retag(byte[] jpeg, double[] latLon, LocalDateTime taken, String offset) {
        return retag(jpeg, latLon, taken == null ? null : EXIF_TIME.format(taken), offset);
    }

    /** The real Nikon photo (640x480) with GPS at {@code latLon} (none if null), taken at {@code taken}. */
    public static byte[] nikon(double[] latLon, LocalDateTime taken, String offset) {
        return retag(RepositoryFiles.photoBytes(NIKON), latLon, taken, offset);
    }

    /** The real Nikon photo with GPS at {@code latLon}, taken an hour ago in WITA: only the location decides. */
    public static byte[] nikonTakenAnHourAgo(double[] latLon) {
        return nikon(latLon, anHourAgoInWita(), WITA);
    }

    /** {@link #retag(byte[], double[], String, String)} with the offset of WITA. */
    public static byte[] retagInWita(byte[] jpeg, double[] latLon, String dateTimeOriginal) {
        return retag(jpeg, latLon, dateTimeOriginal, WITA);
    }

    /** True when the JPEG's EXIF carries a GPS position (what a public copy must not). */
    public static boolean hasGps(byte[] jpeg) {
        try {
            ImageMetadata metadata = Imaging.getMetadata(jpeg);
            return metadata instanceof JpegImageMetadata jm && jm.getExif() != null && jm.getExif().getGpsInfo() != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An hour ago in WITA as EXIF writes it ({@code yyyy:MM:dd HH:mm:ss}). */
    public static String anHourAgo() {
        return EXIF_TIME.format(anHourAgoInWita());
    }

    public static LocalDateTime anHourAgoInWita() {
        return LocalDateTime.now(ZoneOffset.of(WITA)).minusHours(1).withNano(0);
    }

    /** A JPEG without EXIF of about {@code targetBytes} (random noise at quality 0.9 compresses badly), fixed seed. */
    public static byte[] noiseJpeg(int targetBytes) {
        int side = 512;
        byte[] jpeg;
        do {
            jpeg = encodeNoise(side, side * 3 / 4);
            side = (int) (side * Math.sqrt((double) targetBytes / jpeg.length) * 1.02);
        } while (jpeg.length < targetBytes * 0.9 || jpeg.length > targetBytes * 1.3);
        return jpeg;
    }

    private static byte[] encodeNoise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            writer.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code bytes} in a temporary file (deleted on exit), e.g. for {@code curl --upload-file}. */
    public static Path temporaryFile(byte[] bytes, String suffix) {
        try {
            Path file = Files.createTempFile("tagged-photo-", suffix);
            file.toFile().deleteOnExit();
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
