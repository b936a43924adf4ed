package id.laporwarga.platform.photo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An in-memory photo that counts the ranges fetched, like the S3 reader does. */
public final class MemorySource implements ByteRangeSource {
    final byte[] data;
    final List<long[]> requests = new ArrayList<>();
    private long read;

    public MemorySource(byte[] data) {
        this.data = data;
    }

    @Override
    public byte[] read(long offset, int length) {
        requests.add(new long[] {offset, length});
        int from = (int) Math.min(offset, data.length);
        int to = (int) Math.min((long) data.length, offset + length);
        read += to - from;
        return Arrays.copyOfRange(data, from, to);
    }

    @Override
    public long size() {
        return data.length;
    }

    @Override
    public long bytesRead() {
        return read;
    }
}
