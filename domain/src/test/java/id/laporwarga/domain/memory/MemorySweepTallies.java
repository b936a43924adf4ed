package id.laporwarga.domain.memory;

import id.laporwarga.domain.port.SweepTallies;
import id.laporwarga.domain.report.CaseStatus;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The sweeper's tallies in memory ({@link SweepTallies}): per tenant, local day and state. */
public class MemorySweepTallies implements SweepTallies {
    private final Map<String, Map<CaseStatus, Long>> days = new ConcurrentHashMap<>();

    @Override
    public synchronized void add(String tenantId, LocalDate day, Map<CaseStatus, Integer> counts) {
        Map<CaseStatus, Long> d = days.computeIfAbsent(tenantId + "#" + day, k -> new EnumMap<>(CaseStatus.class));
        counts.forEach((status, n) -> d.merge(status, (long) n, Long::sum));
    }

    @Override
    public synchronized Map<CaseStatus, Long> sum(String tenantId, LocalDate from, LocalDate to) {
        Map<CaseStatus, Long> out = new EnumMap<>(CaseStatus.class);
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.getOrDefault(tenantId + "#" + d, Map.of()).forEach((s, n) -> out.merge(s, n, Long::sum));
        }
        return out;
    }
}
