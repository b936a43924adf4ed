package id.laporwarga.platform.photo;

import java.io.IOException;

/**
 * Random access to a stored photo by byte ranges (an S3 object read with ranged GETs, or a file in tests).
 * Implementations count what they fetch so the verification can report the bytes it read.
 */
public interface ByteRangeSource {

    /**
     * Reads up to {@code length} bytes from {@code offset}; fewer only at the end of the object. The first call tells
     * the object's size, so {@link #size()} is known after it.
     */
    byte[] read(long offset, int length) throws IOException;

    /** Total size of the object in bytes. */
    long size() throws IOException;

    /** Bytes fetched so far (every range counted once per request). */
    long bytesRead();
}
