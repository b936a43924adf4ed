package id.laporwarga.platform.photo;

import com.drew.lang.ByteArrayReader;
import com.drew.lang.Rational;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.geotag.ImageFormat;
import id.laporwarga.domain.geotag.PhotoMetadata;
import id.laporwarga.domain.geotag.StoredPhoto;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a photo's EXIF location and capture time while fetching as few bytes as possible: the adapter behind the
 * domain's {@code PhotoVerification.PhotoObjects#readMetadata} (see {@code S3PhotoReader}).
 *
 * <p>The container structure is walked here (JPEG segments up to the EXIF APP1 block, PNG chunks up to the image data,
 * HEIF boxes to the {@code Exif} item named by {@code iinf}/{@code iloc}); only the EXIF bytes are handed to
 * metadata-extractor. Segments that are not needed are skipped without being fetched. A broken structure is an
 * {@link InvalidImageException}; a failing source is an {@link IOException} (the caller retries).
 */
public final class PhotoMetadataReader {
    private static final byte[] EXIF_PREAMBLE = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final DateTimeFormatter EXIF_DATE_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif");

    /** The metadata plus how many bytes were fetched to get it. */
    public record Result(PhotoMetadata metadata, long bytesRead) {
    }

    /**
     * The domain's value of the stored photo: its size, the bytes fetched and its metadata, or
     * {@link StoredPhoto#notAnImage} when the object is not a JPEG/PNG/HEIF image or its structure is broken.
     *
     * @throws IOException the source failed (not the image's fault)
     */
    public StoredPhoto stored(ByteRangeSource source) throws IOException {
        try {
            Result read = read(source);
            return StoredPhoto.image(source.size(), read.bytesRead(), read.metadata());
        } catch (InvalidImageException e) {
            return StoredPhoto.notAnImage(source.bytesRead());
        }
    }

    /**
     * @throws InvalidImageException the object is not a JPEG/PNG/HEIF image or its structure is broken
     * @throws IOException           the source failed (not the image's fault)
     */
    public Result read(ByteRangeSource source) throws IOException, InvalidImageException {
        RangeCache cache = new RangeCache(source);
        byte[] head = cache.start();
        ImageFormat format = formatOf(head);
        if (format == null) {
            throw new InvalidImageException("not a JPEG, PNG or HEIF image");
        }
        try {
            byte[] tiff = switch (format) {
                case JPEG -> jpegExif(cache);
                case PNG -> pngExif(cache);
                case HEIF -> heifExif(cache, head);
            };
            PhotoMetadata metadata = tiff == null ? PhotoMetadata.none(format) : fromTiff(format, tiff);
            return new Result(metadata, source.bytesRead());
        } catch (RangeCache.MetadataTooLargeException e) {
            throw new InvalidImageException(e.getMessage());
        } catch (EOFException e) {
            throw new InvalidImageException("truncated " + format + ": " + e.getMessage());
        }
    }

    /** The container of a file starting with {@code head} (never judged from the file name), or null: none of them. */
    public static ImageFormat formatOf(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return ImageFormat.JPEG;
        }
        if (head.length >= 8 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G'
                && head[4] == 0x0D && head[5] == 0x0A && head[6] == 0x1A && head[7] == 0x0A) {
            return ImageFormat.PNG;
        }
        if (head.length >= 12 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
            return ImageFormat.HEIF;
        }
        return null;
    }

    // ------------------------------------------------------------------ JPEG

    /** The TIFF bytes of the first EXIF APP1 segment, or null; checks the segment chain up to the scan. */
    static byte[] jpegExif(RangeCache in) throws IOException, InvalidImageException {
        long pos = 2;
        byte[] exif = null;
        boolean sawFrame = false;
        while (true) {
            if (exif != null && !in.cached(pos, 4)) {
                return exif; // found: do not fetch more only to check the remaining headers
            }
            if (in.u8(pos) != 0xFF) {
                throw new InvalidImageException("JPEG marker expected at " + pos);
            }
            int marker = in.u8(pos + 1);
            while (marker == 0xFF) { // fill bytes
                pos++;
                marker = in.u8(pos + 1);
            }
            if (marker == 0xDA) { // start of scan: all metadata segments are behind us
                if (!sawFrame) {
                    throw new InvalidImageException("JPEG scan without a frame header");
                }
                return exif;
            }
            if (marker == 0xD9 || marker == 0xD8 || marker == 0x00) {
                throw new InvalidImageException("JPEG ends before image data");
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += 2;
                continue;
            }
            int length = in.u16(pos + 2);
            if (length < 2) {
                throw new InvalidImageException("JPEG segment length " + length + " at " + pos);
            }
            long payload = pos + 4;
            int payloadLength = length - 2;
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                sawFrame = true;
            }
            if (marker == 0xE1 && exif == null && payloadLength > EXIF_PREAMBLE.length
                    && startsWith(in.bytes(payload, EXIF_PREAMBLE.length), EXIF_PREAMBLE)) {
                byte[] segment = in.bytes(payload, payloadLength);
                exif = java.util.Arrays.copyOfRange(segment, EXIF_PREAMBLE.length, segment.length);
            }
            pos = payload + payloadLength;
        }
    }

    // ------------------------------------------------------------------ PNG

    /** The TIFF bytes of the {@code eXIf} chunk, or null (most PNGs carry no EXIF). */
    static byte[] pngExif(RangeCache in) throws IOException, InvalidImageException {
        long pos = 8;
        boolean first = true;
        while (true) {
            long length = in.u32(pos);
            String type = in.fourCc(pos + 4);
            if (first && !"IHDR".equals(type)) {
                throw new InvalidImageException("PNG without IHDR");
            }
            first = false;
            if (length > Integer.MAX_VALUE || !in.has(pos + 8, length + 4)) {
                throw new InvalidImageException("PNG chunk " + type + " runs past the end");
            }
            if ("eXIf".equals(type)) {
                byte[] data = in.bytes(pos + 8, (int) length);
                return startsWith(data, EXIF_PREAMBLE) ? java.util.Arrays.copyOfRange(data, EXIF_PREAMBLE.length, data.length) : data;
            }
            if ("IDAT".equals(type) || "IEND".equals(type)) {
                return null; // eXIf must precede IDAT
            }
            pos += 12 + length;
        }
    }

    // ------------------------------------------------------------------ HEIF (ISO BMFF)

    private record Box(String type, long start, long headerSize, long end) {
        long body() {
            return start + headerSize;
        }
    }

    private static Box box(RangeCache in, long at, long limit) throws IOException, InvalidImageException {
        long size = in.u32(at);
        String type = in.fourCc(at + 4);
        long header = 8;
        if (size == 1) {
            size = in.u64(at + 8);
            header = 16;
        } else if (size == 0) {
            size = limit - at;
        }
        if (size < header || at + size > limit) {
            throw new InvalidImageException("HEIF box " + type + " at " + at + " has a bad size");
        }
        return new Box(type, at, header, at + size);
    }

    private static List<Box> children(RangeCache in, long from, long to) throws IOException, InvalidImageException {
        List<Box> out = new ArrayList<>();
        for (long at = from; at + 8 <= to; ) {
            Box b = box(in, at, to);
            out.add(b);
            at = b.end();
        }
        return out;
    }

    /** The TIFF bytes of the HEIF {@code Exif} item, or null. */
    static byte[] heifExif(RangeCache in, byte[] head) throws IOException, InvalidImageException {
        long size = in.size();
        Box ftyp = box(in, 0, size);
        if (!"ftyp".equals(ftyp.type()) || !heifBrand(in, ftyp)) {
            throw new InvalidImageException("not a HEIF image (brand)");
        }
        Box meta = null;
        for (long at = ftyp.end(); at + 8 <= size; ) {
            Box b = box(in, at, size);
            if ("meta".equals(b.type())) {
                meta = b;
                break;
            }
            at = b.end();
        }
        if (meta == null) {
            throw new InvalidImageException("HEIF without a meta box");
        }
        long exifItem = -1;
        Box iloc = null;
        Box idat = null;
        for (Box b : children(in, meta.body() + 4, meta.end())) { // meta is a full box: 4 bytes version+flags
            switch (b.type()) {
                case "iinf" -> exifItem = exifItemId(in, b);
                case "iloc" -> iloc = b;
                case "idat" -> idat = b;
                default -> { }
            }
        }
        if (exifItem < 0) {
            return null;
        }
        if (iloc == null) {
            throw new InvalidImageException("HEIF Exif item without a location");
        }
        byte[] item = itemData(in, iloc, idat, exifItem);
        if (item == null || item.length < 4) {
            return null;
        }
        long tiffOffset = ((long) (item[0] & 0xFF) << 24) | ((item[1] & 0xFF) << 16) | ((item[2] & 0xFF) << 8) | (item[3] & 0xFF);
        int start = (int) Math.min(item.length, 4 + tiffOffset);
        return java.util.Arrays.copyOfRange(item, start, item.length);
    }

    private static boolean heifBrand(RangeCache in, Box ftyp) throws IOException {
        if (HEIF_BRANDS.contains(in.fourCc(ftyp.body()))) {
            return true;
        }
        for (long at = ftyp.body() + 8; at + 4 <= ftyp.end(); at += 4) { // compatible brands
            if (HEIF_BRANDS.contains(in.fourCc(at))) {
                return true;
            }
        }
        return false;
    }

    private static long exifItemId(RangeCache in, Box iinf) throws IOException, InvalidImageException {
        int version = in.u8(iinf.body());
        long at = iinf.body() + 4 + (version == 0 ? 2 : 4);
        for (Box infe : children(in, at, iinf.end())) {
            if (!"infe".equals(infe.type())) {
                continue;
            }
            int v = in.u8(infe.body());
            if (v < 2) {
                continue; // versions 0/1 carry no item type
            }
            long p = infe.body() + 4;
            long id = v == 2 ? in.u16(p) : in.u32(p);
            p += (v == 2 ? 2 : 4) + 2; // item_ID, item_protection_index
            if ("Exif".equals(in.fourCc(p))) {
                return id;
            }
        }
        return -1;
    }

    private static byte[] itemData(RangeCache in, Box iloc, Box idat, long itemId) throws IOException, InvalidImageException {
        long p = iloc.body();
        int version = in.u8(p);
        p += 4;
        int sizes = in.u16(p);
        p += 2;
        int offsetSize = (sizes >> 12) & 0xF;
        int lengthSize = (sizes >> 8) & 0xF;
        int baseOffsetSize = (sizes >> 4) & 0xF;
        int indexSize = version == 1 || version == 2 ? sizes & 0xF : 0;
        long count = version < 2 ? in.u16(p) : in.u32(p);
        p += version < 2 ? 2 : 4;
        for (long i = 0; i < count; i++) {
            long id = version < 2 ? in.u16(p) : in.u32(p);
            p += version < 2 ? 2 : 4;
            int construction = 0;
            if (version == 1 || version == 2) {
                construction = in.u16(p) & 0xF;
                p += 2;
            }
            p += 2; // data_reference_index
            long base = in.uint(p, baseOffsetSize);
            p += baseOffsetSize;
            int extents = in.u16(p);
            p += 2;
            java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
            for (int e = 0; e < extents; e++) {
                p += indexSize;
                long offset = in.uint(p, offsetSize);
                p += offsetSize;
                long length = in.uint(p, lengthSize);
                p += lengthSize;
                if (id != itemId) {
                    continue;
                }
                long absolute = base + offset;
                if (construction == 1) {
                    if (idat == null) {
                        throw new InvalidImageException("HEIF item in idat without an idat box");
                    }
                    absolute += idat.body();
                } else if (construction != 0) {
                    return null;
                }
                if (length == 0) {
                    length = in.size() - absolute;
                }
                if (length > RangeCache.MAX_FETCH_BYTES || !in.has(absolute, length)) {
                    throw new InvalidImageException("HEIF Exif item outside the file");
                }
                data.writeBytes(in.bytes(absolute, (int) length));
            }
            if (id == itemId) {
                return data.toByteArray();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ EXIF (metadata-extractor)

    static PhotoMetadata fromTiff(ImageFormat format, byte[] tiff) {
        Metadata metadata = new Metadata();
        new ExifReader().extract(new ByteArrayReader(tiff), metadata, 0);
        GeoPoint location = null;
        boolean gpsTags = false;
        GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
        if (gps != null) {
            Double lat = degrees(gps.getRationalArray(GpsDirectory.TAG_LATITUDE), gps.getString(GpsDirectory.TAG_LATITUDE_REF), "S");
            Double lon = degrees(gps.getRationalArray(GpsDirectory.TAG_LONGITUDE), gps.getString(GpsDirectory.TAG_LONGITUDE_REF), "W");
            if (lat != null && lon != null && GeoPoint.isValid(lat, lon)) {
                gpsTags = true;
                if (!(lat == 0 && lon == 0)) { // 0,0 is a phone's placeholder, not a fix
                    location = new GeoPoint(lat, lon);
                }
            }
        }
        LocalDateTime captured = null;
        ZoneOffset offset = null;
        ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        if (sub != null) {
            captured = exifDateTime(sub.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL));
            offset = exifOffset(sub.getString(ExifSubIFDDirectory.TAG_TIME_ZONE_ORIGINAL));
        }
        String make = null;
        String model = null;
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (ifd0 != null) {
            make = trimToNull(ifd0.getString(ExifIFD0Directory.TAG_MAKE));
            model = trimToNull(ifd0.getString(ExifIFD0Directory.TAG_MODEL));
        }
        return new PhotoMetadata(format, location, gpsTags, captured, offset, make, model);
    }

    /** Degrees + minutes/60 + seconds/3600, the sign from the reference tag; a 0 denominator counts as 0. */
    static Double degrees(Rational[] dms, String ref, String negativeRef) {
        if (dms == null || dms.length == 0 || ref == null || ref.isBlank()) {
            return null;
        }
        double value = 0;
        double[] scale = {1, 60, 3600};
        for (int i = 0; i < Math.min(3, dms.length); i++) {
            Rational r = dms[i];
            double part = r.getDenominator() == 0 ? 0 : r.doubleValue();
            if (!Double.isFinite(part) || part < 0) {
                return null;
            }
            value += part / scale[i];
        }
        return ref.trim().toUpperCase(java.util.Locale.ROOT).startsWith(negativeRef) ? -value : value;
    }

    static LocalDateTime exifDateTime(String value) {
        if (value == null || value.length() < 19) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.substring(0, 19), EXIF_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null; // "0000:00:00 00:00:00" and other placeholders
        }
    }

    static ZoneOffset exifOffset(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ZoneOffset.of(value.trim());
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

}
