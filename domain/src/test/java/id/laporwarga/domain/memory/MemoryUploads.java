package id.laporwarga.domain.memory;

import id.laporwarga.domain.port.BoundaryUploads;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Admins' uploads in memory ({@link BoundaryUploads}): a test "uploads" a file with {@link #put}. */
public class MemoryUploads implements BoundaryUploads {
    public final Map<String, byte[]> files = new ConcurrentHashMap<>();
    public final Map<String, Long> declared = new ConcurrentHashMap<>();

    @Override
    public Ticket presign(String uploadId, long sizeBytes, String contentType, long maxBytes) {
        declared.put(uploadId, sizeBytes);
        return new Ticket(uploadId, "memory://uploads/" + uploadId, "PUT",
                Map.of("Content-Type", contentType, "Content-Length", Long.toString(sizeBytes)),
                MemoryObjects.LINKS_EXPIRE, maxBytes);
    }

    /** What a client's PUT to the ticket's URL does. */
    public void put(String uploadId, byte[] bytes) {
        files.put(uploadId, bytes);
    }

    @Override
    public Optional<InputStream> open(String uploadId) {
        byte[] bytes = files.get(uploadId);
        return bytes == null ? Optional.empty() : Optional.of(new ByteArrayInputStream(bytes));
    }

    @Override
    public void delete(String uploadId) {
        files.remove(uploadId);
    }

    /** For assertions: whether an upload was presigned at this moment or later (never expires in memory). */
    public boolean presigned(String uploadId) {
        return declared.containsKey(uploadId) && Instant.now().isBefore(MemoryObjects.LINKS_EXPIRE);
    }
}
