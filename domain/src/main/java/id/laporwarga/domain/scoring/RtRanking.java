package id.laporwarga.domain.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The public RT ranking: highest score first, ties by RT id; equal scores share a rank (1, 2, 2, 4). */
public final class RtRanking {
    public record Ranked(int rank, RtScore score) {
    }

    private RtRanking() {
    }

    /** The ranking of {@code scores}, limited to one kelurahan when {@code kelurahanCode} is not null. */
    public static List<Ranked> rank(Collection<RtScore> scores, String kelurahanCode) {
        List<RtScore> sorted = new ArrayList<>(scores);
        if (kelurahanCode != null) {
            sorted.removeIf(s -> !kelurahanCode.equals(s.kelurahanCode()));
        }
        sorted.sort(Comparator.comparingInt(RtScore::score).reversed().thenComparing(RtScore::rtId));
        List<Ranked> out = new ArrayList<>(sorted.size());
        int rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i == 0 || sorted.get(i).score() != sorted.get(i - 1).score()) {
                rank = i + 1;
            }
            out.add(new Ranked(rank, sorted.get(i)));
        }
        return out;
    }
}
