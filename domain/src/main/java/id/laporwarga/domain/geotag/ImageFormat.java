package id.laporwarga.domain.geotag;

/** The photo containers accepted by the platform, recognised from their first bytes (never from the file name). */
public enum ImageFormat {
    JPEG, PNG, HEIF;

    /** The format of a file starting with {@code head}, or null when it is none of them. */
    public static ImageFormat sniff(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (head.length >= 8 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G'
                && head[4] == 0x0D && head[5] == 0x0A && head[6] == 0x1A && head[7] == 0x0A) {
            return PNG;
        }
        if (head.length >= 12 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
            return HEIF;
        }
        return null;
    }
}
