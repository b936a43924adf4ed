package id.laporwarga.platform.photo;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches a photo's bytes on demand in a few large ranges: the first request is {@link #FIRST_READ_BYTES} (the EXIF
 * block of nearly every phone photo lies inside it); a later miss fetches only the range asked for, at least
 * {@link #MIN_FOLLOW_UP_BYTES}. Never fetches past {@link #MAX_FETCH_BYTES} in total.
 */
final class RangeCache {
    static final int FIRST_READ_BYTES = 128 * 1024;
    static final int MIN_FOLLOW_UP_BYTES = 16 * 1024;
    /** Metadata bigger than this is not worth reading: the file is treated as broken. */
    static final long MAX_FETCH_BYTES = 2L * 1024 * 1024;

    private record Chunk(long start, byte[] bytes) {
        long end() {
            return start + bytes.length;
        }
    }

    private final ByteRangeSource source;
    private final List<Chunk> chunks = new ArrayList<>();
    private long fetched;
    private long size = -1;

    RangeCache(ByteRangeSource source) {
        this.source = source;
    }

    /** Reads the first range; returns its bytes (fewer than {@link #FIRST_READ_BYTES} for a small object). */
    byte[] start() throws IOException {
        byte[] first = fetch(0, FIRST_READ_BYTES);
        return first;
    }

    long size() throws IOException {
        if (size < 0) {
            size = source.size();
        }
        return size;
    }

    boolean has(long offset, long length) throws IOException {
        return offset >= 0 && length >= 0 && offset + length <= size();
    }

    /** Whether the range was fetched already (no request needed). */
    boolean cached(long offset, int length) {
        for (Chunk c : chunks) {
            if (offset >= c.start() && offset + length <= c.end()) {
                return true;
            }
        }
        return false;
    }

    int u8(long offset) throws IOException {
        return bytes(offset, 1)[0] & 0xFF;
    }

    int u16(long offset) throws IOException {
        byte[] b = bytes(offset, 2);
        return ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
    }

    long u32(long offset) throws IOException {
        byte[] b = bytes(offset, 4);
        return ((long) (b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    long u64(long offset) throws IOException {
        return (u32(offset) << 32) | u32(offset + 4);
    }

    /** Unsigned big-endian integer of 0, 4 or 8 bytes (ISO BMFF field sizes). */
    long uint(long offset, int width) throws IOException {
        return switch (width) {
            case 0 -> 0;
            case 2 -> u16(offset);
            case 4 -> u32(offset);
            case 8 -> u64(offset);
            default -> throw new EOFException("unsupported field width " + width);
        };
    }

    String fourCc(long offset) throws IOException {
        byte[] b = bytes(offset, 4);
        return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Exactly {@code length} bytes at {@code offset}, fetching the missing part; EOF past the object's end. */
    byte[] bytes(long offset, int length) throws IOException {
        if (offset < 0 || length < 0 || offset + length > size()) {
            throw new EOFException("range " + offset + "+" + length + " beyond object of " + size() + " bytes");
        }
        for (Chunk c : chunks) {
            if (offset >= c.start() && offset + length <= c.end()) {
                byte[] out = new byte[length];
                System.arraycopy(c.bytes(), (int) (offset - c.start()), out, 0, length);
                return out;
            }
        }
        // not cached in one piece: fetch from the first missing byte, at least a follow-up window
        long from = offset;
        for (Chunk c : chunks) {
            if (from >= c.start() && from < c.end()) {
                from = c.end();
            }
        }
        long want = Math.max(offset + length - from, MIN_FOLLOW_UP_BYTES);
        fetch(from, (int) Math.min(want, size() - from));
        byte[] out = new byte[length];
        for (int i = 0; i < length; ) {
            long at = offset + i;
            Chunk c = chunkAt(at);
            int n = (int) Math.min(length - i, c.end() - at);
            System.arraycopy(c.bytes(), (int) (at - c.start()), out, i, n);
            i += n;
        }
        return out;
    }

    private Chunk chunkAt(long at) throws EOFException {
        for (Chunk c : chunks) {
            if (at >= c.start() && at < c.end()) {
                return c;
            }
        }
        throw new EOFException("byte " + at + " not fetched");
    }

    private byte[] fetch(long offset, int length) throws IOException {
        if (fetched + length > MAX_FETCH_BYTES) {
            throw new MetadataTooLargeException(fetched + length);
        }
        byte[] got = source.read(offset, length);
        fetched += got.length;
        if (got.length > 0) {
            chunks.add(new Chunk(offset, got));
        }
        return got;
    }

    static final class MetadataTooLargeException extends IOException {
        MetadataTooLargeException(long bytes) {
            super("metadata would need more than " + MAX_FETCH_BYTES + " bytes (" + bytes + ")");
        }
    }
}
