package id.laporwarga.platform.photo;

import id.laporwarga.domain.geotag.ImageFormat;

import java.io.ByteArrayOutputStream;

/**
 * Makes the copy of a JPEG that may be shown publicly: every APPn segment except JFIF (APP0) and the ICC colour
 * profile (APP2 "ICC_PROFILE") is dropped, and so are comments. That removes EXIF (make, model, body serial, GPS,
 * maker notes), XMP and vendor blocks; the pixels are untouched (no re-encoding). The original stays private.
 */
public final class PublicPhotoCopy {
    private PublicPhotoCopy() {
    }

    /** The copy of a JPEG or PNG without device metadata; null for a format no copy is made of (HEIF). */
    public static byte[] of(byte[] photo) throws InvalidImageException {
        ImageFormat format = PhotoMetadataReader.formatOf(photo);
        if (format == ImageFormat.JPEG) {
            return withoutDeviceMetadata(photo);
        }
        if (format == ImageFormat.PNG) {
            return pngWithoutText(photo);
        }
        return null;
    }

    /** PNG chunks a copy keeps: the image itself and how to display it; never eXIf, tEXt, iTXt, zTXt or tIME. */
    private static final java.util.Set<String> PNG_KEPT = java.util.Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS",
            "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs", "bKGD");

    /** A PNG with only the chunks of {@link #PNG_KEPT} (EXIF, text and time chunks dropped; pixels untouched). */
    public static byte[] pngWithoutText(byte[] png) throws InvalidImageException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
        out.write(png, 0, 8);
        int pos = 8;
        while (pos + 12 <= png.length) {
            long length = ((png[pos] & 0xFFL) << 24) | ((png[pos + 1] & 0xFF) << 16) | ((png[pos + 2] & 0xFF) << 8)
                    | (png[pos + 3] & 0xFF);
            long end = pos + 12 + length;
            if (end > png.length) {
                throw new InvalidImageException("PNG chunk runs past the end at " + pos);
            }
            String type = new String(png, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (PNG_KEPT.contains(type)) {
                out.write(png, pos, (int) (end - pos));
            }
            pos = (int) end;
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
        }
        throw new InvalidImageException("PNG without IEND");
    }

    public static byte[] withoutDeviceMetadata(byte[] jpeg) throws InvalidImageException {
        if (PhotoMetadataReader.formatOf(jpeg) != ImageFormat.JPEG) {
            throw new InvalidImageException("only JPEG copies are made");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(jpeg, 0, 2);
        int pos = 2;
        while (true) {
            if (pos + 4 > jpeg.length || (jpeg[pos] & 0xFF) != 0xFF) {
                throw new InvalidImageException("broken JPEG segment chain at " + pos);
            }
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == 0xDA) { // start of scan: the rest is image data
                out.write(jpeg, pos, jpeg.length - pos);
                return out.toByteArray();
            }
            int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
            int end = pos + 2 + length;
            if (length < 2 || end > jpeg.length) {
                throw new InvalidImageException("JPEG segment runs past the end at " + pos);
            }
            boolean app = marker >= 0xE0 && marker <= 0xEF;
            boolean keep = !app && marker != 0xFE
                    || marker == 0xE0 && startsWith(jpeg, pos + 4, "JFIF\0")
                    || marker == 0xE2 && startsWith(jpeg, pos + 4, "ICC_PROFILE\0");
            if (keep) {
                out.write(jpeg, pos, end - pos);
            }
            pos = end;
        }
    }

    private static boolean startsWith(byte[] data, int at, String prefix) {
        if (at + prefix.length() > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (data[at + i] != (byte) prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
