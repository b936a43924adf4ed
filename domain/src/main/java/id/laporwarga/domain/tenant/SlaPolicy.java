package id.laporwarga.domain.tenant;

/**
 * Deadlines. {@code firstResponseHours} &gt; 0 means a plain-hours SLA (SIKeMas: 2x24 h); otherwise
 * {@code firstResponseWorkingDays} applies (LAPOR!: 5 working days for the agency's follow-up).
 */
public record SlaPolicy(int triageWorkingDays, int firstResponseHours, int firstResponseWorkingDays,
                        int resolveWorkingDays, int autoCloseWorkingDays) {
    public static SlaPolicy defaults() {
        return new SlaPolicy(3, 0, 5, 10, 10);
    }
}
