package id.laporwarga.domain.memory;

import id.laporwarga.domain.port.RtScores;
import id.laporwarga.domain.scoring.AreaStats;
import id.laporwarga.domain.scoring.PeriodScores;
import id.laporwarga.domain.scoring.RtScore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Stored RT scores in memory ({@link RtScores}): a provisional run never overwrites a closed (FINAL) period. */
public class MemoryRtScores implements RtScores {
    private record Stored(PeriodScores scores, PeriodHeader header) {
    }

    private final Map<String, Stored> periods = new ConcurrentHashMap<>();

    private static String key(String tenantId, String period) {
        return tenantId + "#" + period;
    }

    @Override
    public boolean save(PeriodScores scores, Instant computedAt) {
        if (scores.provisional() && header(scores.tenantId(), scores.period()).map(h -> FINAL.equals(h.status())).orElse(false)) {
            return false;
        }
        periods.put(key(scores.tenantId(), scores.period()), new Stored(scores, new PeriodHeader(scores.tenantId(),
                scores.period(), scores.provisional() ? PROVISIONAL : FINAL, computedAt.toString(), scores.casesRead(),
                scores.rtScores().size())));
        return true;
    }

    @Override
    public Optional<PeriodHeader> header(String tenantId, String period) {
        return Optional.ofNullable(periods.get(key(tenantId, period))).map(Stored::header);
    }

    @Override
    public List<RtScore> rtScores(String tenantId, String period) {
        return Optional.ofNullable(periods.get(key(tenantId, period))).map(s -> s.scores().rtScores()).orElse(List.of());
    }

    @Override
    public Optional<RtScore> rtScore(String tenantId, String period, String rtId) {
        return rtScores(tenantId, period).stream().filter(s -> s.rtId().equals(rtId)).findFirst();
    }

    @Override
    public List<RtScore> trend(String tenantId, String rtId, String period, int limit) {
        return periods.values().stream().filter(s -> s.scores().tenantId().equals(tenantId)
                        && s.scores().period().compareTo(period) <= 0)
                .flatMap(s -> s.scores().rtScores().stream().filter(r -> r.rtId().equals(rtId)))
                .sorted(Comparator.comparing(RtScore::period).reversed()).limit(limit).toList();
    }

    @Override
    public List<AreaStats> areas(String tenantId, String period) {
        // as the store keys them: each kecamatan, then its kelurahan
        return Optional.ofNullable(periods.get(key(tenantId, period))).map(s -> s.scores().areas().stream()
                .sorted(Comparator.comparing(AreaStats::kecamatanCode).thenComparing(AreaStats::kelurahanCode,
                        Comparator.nullsFirst(Comparator.naturalOrder()))).toList()).orElse(List.of());
    }
}
