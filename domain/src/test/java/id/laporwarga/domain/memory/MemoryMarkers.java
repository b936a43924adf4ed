package id.laporwarga.domain.memory;

import id.laporwarga.domain.geotag.PhotoVerification;
import id.laporwarga.domain.routing.DeliveryClaims;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exactly-once guards in memory: processed markers ({@link PhotoVerification.OnceMarkers}) and publish claims
 * ({@link DeliveryClaims}; a claim is held until completed or released, no lease expiry).
 */
public class MemoryMarkers implements PhotoVerification.OnceMarkers, DeliveryClaims {
    private final Map<String, Instant> markers = new ConcurrentHashMap<>();
    /** key -> message id ("" while held). */
    private final Map<String, String> claims = new ConcurrentHashMap<>();

    @Override
    public boolean markIfFirst(String scope, String id, Instant now) {
        return markers.putIfAbsent(scope + "#" + id, now) == null;
    }

    @Override
    public void unmark(String scope, String id) {
        markers.remove(scope + "#" + id);
    }

    @Override
    public Claim claim(String key, Instant now) {
        String existing = claims.putIfAbsent(key, "");
        if (existing == null) {
            return Claim.acquired();
        }
        return existing.isEmpty() ? Claim.heldByOther() : Claim.completed(existing);
    }

    @Override
    public void complete(String key, String messageId) {
        claims.put(key, messageId);
    }

    @Override
    public void release(String key) {
        claims.remove(key, "");
    }
}
