package id.laporwarga.domain.tenant;

import java.util.List;
import java.util.Objects;

/**
 * A responsible institution. {@code external} marks a vertical institution outside the Pemda's authority
 * (PDAM, PLN, BPN, police): its complaints are referred, never silently dropped.
 */
public record Agency(String id, String name, boolean external, List<NotificationChannel> channels) {
    public Agency {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        channels = channels == null ? List.of() : List.copyOf(channels);
    }
}
