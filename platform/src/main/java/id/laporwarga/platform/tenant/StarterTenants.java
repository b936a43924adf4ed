package id.laporwarga.platform.tenant;

import id.laporwarga.domain.time.IndonesianTime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/**
 * What a bulk import gives a new kabupaten/kota: a starter document (the usual OPD — DLH, Satpol PP, Dishub, PUPR —
 * plus PDAM and PLN as external institutions, a triage desk, the common complaint, RT activity and service categories,
 * the national holidays) that the city admin then edits; its id from its name; its zone from its province code.
 */
public final class StarterTenants {
    private static final String TEMPLATE = "starter-tenant.json";
    /** Province codes (first segment of the Kemendagri code) in WITA and WIT; every other province is WIB. */
    private static final Set<String> WITA = Set.of("51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76");
    private static final Set<String> WIT = Set.of("81", "82", "91", "92", "93", "94", "95", "96", "97");

    private StarterTenants() {
    }

    /** The starter document of a tenant (JSON, without boundaries). */
    public static String document(String id, String name, ZoneId zone) {
        try (InputStream in = StarterTenants.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE + " is missing from the platform jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${ID}", id)
                    .replace("${NAME}", name.replace("\\", "").replace("\"", "'"))
                    .replace("${TIME_ZONE}", zone.getId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The zone of a kabupaten/kota from its Kemendagri code ({@code 71.74}: Sulawesi Utara, WITA). */
    public static ZoneId zone(String code) {
        String province = code.length() >= 2 ? code.substring(0, 2) : code;
        return WIT.contains(province) ? IndonesianTime.WIT : WITA.contains(province) ? IndonesianTime.WITA
                : IndonesianTime.WIB;
    }

    /**
     * A tenant id from the official name: {@code Kota Kotamobagu} → {@code kotamobagu}, {@code Kabupaten Bolaang
     * Mongondow Timur} → {@code bolaang-mongondow-timur}; with {@code qualified}, {@code kota-…} / {@code kab-…} (when
     * the plain id is taken by another kabupaten/kota of the same name, e.g. Kota and Kabupaten Bogor).
     */
    public static String id(String name, boolean qualified) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).trim();
        String kind = "";
        for (String prefix : new String[] {"kabupaten ", "kab. ", "kab ", "kota administrasi ", "kota "}) {
            if (n.startsWith(prefix)) {
                kind = prefix.startsWith("kab") ? "kab-" : "kota-";
                n = n.substring(prefix.length());
                break;
            }
        }
        String slug = (qualified ? kind : "") + n.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return slug.length() < 2 ? "pemda-" + slug : slug;
    }
}
