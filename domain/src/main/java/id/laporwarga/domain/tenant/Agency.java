package id.laporwarga.domain.tenant;

import id.laporwarga.domain.error.LocalizedText;
import java.util.List;
import java.util.Objects;

/**
 * A responsible institution. {@code external} marks a vertical institution outside the Pemda's authority
 * (PDAM, PLN, BPN, police): its complaints are referred, never silently dropped. {@code reviewsKelurahan} lists the
 * kelurahan/desa codes whose RT activity review chain this office follows (a kelurahan office, or the kecamatan that
 * covers several desa): its channels then also receive the alerts of those chains. {@code follows} lists the areas
 * whose step alerts its channels receive ({@code rt:<rtId>}, {@code kelurahan:<code>}, {@code kecamatan:<code>},
 * {@code city}: see {@code notice/StepAlerts}), e.g. a kecamatan office, the city's secretariat, an RT head.
 * {@code publicContact} and {@code advice} are what a citizen whose complaint was referred to this (external)
 * institution sees on the tracking page: how to reach it and what to do (null when the tenant gives none).
 */
public record Agency(String id, String name, boolean external, List<NotificationChannel> channels,
                     List<String> reviewsKelurahan, List<String> follows, String publicContact,
                     LocalizedText advice) {
    public Agency {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        channels = channels == null ? List.of() : List.copyOf(channels);
        reviewsKelurahan = reviewsKelurahan == null ? List.of() : List.copyOf(reviewsKelurahan);
        follows = follows == null ? List.of() : List.copyOf(follows);
    }

    /** An institution without public contact or advice. */
    public Agency(String id, String name, boolean external, List<NotificationChannel> channels,
                  List<String> reviewsKelurahan, List<String> follows) {
        this(id, name, external, channels, reviewsKelurahan, follows, null, null);
    }

    /** An institution that follows no area's step alerts. */
    public Agency(String id, String name, boolean external, List<NotificationChannel> channels,
                  List<String> reviewsKelurahan) {
        this(id, name, external, channels, reviewsKelurahan, List.of());
    }

    /** An institution that follows no kelurahan review chain. */
    public Agency(String id, String name, boolean external, List<NotificationChannel> channels) {
        this(id, name, external, channels, List.of());
    }
}
