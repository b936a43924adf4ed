package id.laporwarga.platform.photo;

import id.laporwarga.testkit.RepositoryFiles;

import id.laporwarga.testkit.TaggedPhotos;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Test photos written at test time from the real files in sample-data/photos (EXIF rewritten with Apache Commons
 * Imaging), never committed binaries.
 */
public final class TestPhotos {

    private TestPhotos() {
    }

    /**
     * A copy of {@code jpeg} with GPS at (lat, lon) (none when lat is null), DateTimeOriginal = {@code taken} and
     * OffsetTimeOriginal = {@code offset} (absent when null). Other EXIF (make, model) is kept.
     */
    static byte[] retag(byte[] jpeg, Double lat, Double lon, LocalDateTime taken, String offset) {
        return TaggedPhotos.retag(jpeg, lat == null ? null : new double[] {lat, lon}, taken, offset);
    }

    /** A retagged copy of the real Nikon photo (640x480, real pixels). */
    public static byte[] nikonAt(Double lat, Double lon, LocalDateTime taken, String offset) {
        return retag(RepositoryFiles.photoBytes(TaggedPhotos.NIKON), lat, lon, taken, offset);
    }

    /** A JPEG of about {@code targetBytes} (noise compresses badly), geotagged like {@link #retag}. */
    public static byte[] largeJpeg(int targetBytes, Double lat, Double lon, LocalDateTime taken, String offset) {
        return TaggedPhotos.retag(TaggedPhotos.noiseJpeg(targetBytes), lat == null ? null : new double[] {lat, lon},
                taken, offset);
    }

    /** {@code jpeg} with an extra APP2 segment chain of {@code bytes} inserted right after SOI (before the EXIF). */
    public static byte[] withLeadingSegments(byte[] jpeg, int bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int remaining = bytes;
        while (remaining > 0) {
            int payload = Math.min(65533, remaining);
            out.write(0xFF);
            out.write(0xE2);
            out.write((payload + 2) >> 8);
            out.write((payload + 2) & 0xFF);
            out.write(new byte[payload], 0, payload);
            remaining -= payload;
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The TIFF block (without the "Exif\0\0" preamble) of a JPEG's APP1 segment. */
    static byte[] tiffOf(byte[] jpeg) {
        int pos = 2;
        while (pos + 4 < jpeg.length) {
            int marker = jpeg[pos + 1] & 0xFF;
            int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
            if (marker == 0xE1 && jpeg[pos + 4] == 'E' && jpeg[pos + 5] == 'x') {
                byte[] tiff = new byte[length - 2 - 6];
                System.arraycopy(jpeg, pos + 4 + 6, tiff, 0, tiff.length);
                return tiff;
            }
            pos += 2 + length;
        }
        throw new IllegalArgumentException("no EXIF APP1");
    }

    /** A small real PNG (ImageIO); with an {@code eXIf} chunk holding {@code tiff} before IDAT when given. */
    static byte[] png(byte[] tiff) {
        try {
            BufferedImage image = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            ImageIO.write(image, "png", plain);
            byte[] png = plain.toByteArray();
            if (tiff == null) {
                return png;
            }
            int ihdrEnd = 8 + 12 + 13; // signature + IHDR chunk
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(png, 0, ihdrEnd);
            out.write(chunk("eXIf", tiff));
            out.write(png, ihdrEnd, png.length - ihdrEnd);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        b.put(t);
        b.put(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /**
     * A HEIF container as phones write it (ftyp heic, meta with hdlr/pitm/iinf/iloc, mdat) whose {@code Exif} item holds
     * {@code tiff} and sits {@code exifOffsetInMdat} bytes into a {@code mdatSize} media box. The image item's coded
     * data is filler: the reader never decodes pixels.
     */
    static byte[] heif(byte[] tiff, int mdatSize, int exifOffsetInMdat) {
        byte[] exifItem = ByteBuffer.allocate(4 + 6 + tiff.length).putInt(6)
                .put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1)).put(tiff).array();
        byte[] ftyp = box("ftyp", concat("heic".getBytes(StandardCharsets.ISO_8859_1), new byte[4],
                "mif1heic".getBytes(StandardCharsets.ISO_8859_1)));
        byte[] hdlr = fullBox("hdlr", 0, concat(new byte[4], "pict".getBytes(StandardCharsets.ISO_8859_1), new byte[13]));
        byte[] pitm = fullBox("pitm", 0, new byte[] {0, 1});
        byte[] infeImage = fullBox("infe", 2, concat(new byte[] {0, 1, 0, 0}, "hvc1".getBytes(StandardCharsets.ISO_8859_1), new byte[1]));
        byte[] infeExif = fullBox("infe", 2, concat(new byte[] {0, 2, 0, 0}, "Exif".getBytes(StandardCharsets.ISO_8859_1), new byte[1]));
        byte[] iinf = fullBox("iinf", 0, concat(new byte[] {0, 2}, infeImage, infeExif));
        // iloc v0, offset_size 4, length_size 4, base_offset_size 0; offsets patched below
        int ilocBodyLength = 4 + 2 + 2 + 2 * (2 + 2 + 2 + 8);
        int metaLength = 12 + hdlr.length + pitm.length + iinf.length + 8 + ilocBodyLength;
        long mdatStart = ftyp.length + metaLength;
        long mdatBody = mdatStart + 8;
        int imageLength = Math.max(0, mdatSize - exifItem.length);
        int imageOffsetInMdat = exifOffsetInMdat == 0 ? exifItem.length : 0;
        ByteBuffer iloc = ByteBuffer.allocate(ilocBodyLength);
        iloc.putInt(0); // version 0, flags
        iloc.putShort((short) 0x4400);
        iloc.putShort((short) 2);
        iloc.putShort((short) 1).putShort((short) 0).putShort((short) 1)
                .putInt((int) (mdatBody + imageOffsetInMdat)).putInt(imageLength);
        iloc.putShort((short) 2).putShort((short) 0).putShort((short) 1)
                .putInt((int) (mdatBody + exifOffsetInMdat)).putInt(exifItem.length);
        byte[] meta = fullBox("meta", 0, concat(hdlr, pitm, iinf, box("iloc", iloc.array())));
        if (meta.length != metaLength) {
            throw new IllegalStateException("meta length " + meta.length + " != " + metaLength);
        }
        byte[] mdatBodyBytes = new byte[imageLength + exifItem.length];
        new Random(7).nextBytes(mdatBodyBytes);
        System.arraycopy(exifItem, 0, mdatBodyBytes, exifOffsetInMdat, exifItem.length);
        return concat(ftyp, meta, box("mdat", mdatBodyBytes));
    }

    private static byte[] box(String type, byte[] body) {
        return ByteBuffer.allocate(8 + body.length).putInt(8 + body.length)
                .put(type.getBytes(StandardCharsets.ISO_8859_1)).put(body).array();
    }

    private static byte[] fullBox(String type, int version, byte[] body) {
        return box(type, concat(new byte[] {(byte) version, 0, 0, 0}, body));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
