package id.laporwarga.domain.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The names and codes of a tenant's kecamatan and desa/kelurahan, without their polygons: what scoring, statistics,
 * exports and document validation need (kept in the tenant's document item, a few KB even for a large kabupaten).
 */
public record TenantAreas(List<Area> kecamatan, List<Area> kelurahan) {
    /** One area; {@code kecamatanCode} is the parent kecamatan for a desa/kelurahan and the own code for a kecamatan. */
    public record Area(String code, String name, String kecamatanCode) {
    }

    public TenantAreas {
        kecamatan = List.copyOf(kecamatan);
        kelurahan = List.copyOf(kelurahan);
    }

    public static TenantAreas of(List<AdminBoundary> boundaries) {
        Map<String, Area> kec = new LinkedHashMap<>();
        Map<String, Area> kel = new LinkedHashMap<>();
        for (AdminBoundary b : boundaries) {
            switch (b.level()) {
                case KECAMATAN -> kec.putIfAbsent(b.code(), new Area(b.code(), b.name(), b.code()));
                case KELURAHAN -> kel.putIfAbsent(b.code(), new Area(b.code(), b.name(), b.kecamatanCode()));
                default -> {
                }
            }
        }
        List<Area> kecamatan = new ArrayList<>(kec.values());
        List<Area> kelurahan = new ArrayList<>(kel.values());
        kecamatan.sort(Comparator.comparing(Area::code));
        kelurahan.sort(Comparator.comparing(Area::code));
        return new TenantAreas(kecamatan, kelurahan);
    }

    /** Codes of every kecamatan, from the kecamatan level and the kelurahan's parents, sorted. */
    public List<String> kecamatanCodes() {
        TreeSet<String> codes = new TreeSet<>();
        kecamatan.forEach(a -> codes.add(a.code()));
        kelurahan.stream().filter(a -> a.kecamatanCode() != null).forEach(a -> codes.add(a.kecamatanCode()));
        return List.copyOf(codes);
    }

    public Optional<Area> kelurahan(String code) {
        return kelurahan.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    public boolean hasKelurahan(String code) {
        return kelurahan(code).isPresent();
    }

    /** Names of kecamatan by code, for display. */
    public Map<String, String> kecamatanNames() {
        Map<String, String> names = new LinkedHashMap<>();
        kecamatan.forEach(a -> names.put(a.code(), a.name()));
        return names;
    }
}
