package id.laporwarga.platform;

/**
 * The case's link in the officials' console, {@code <CONSOLE_BASE_URL>/#/cases/<caseId>}: officials sign in there, so
 * the link lives as long as the work (never a presigned photo URL). Null links when no console is configured.
 */
public final class ConsoleLinks {
    private final String base;

    private ConsoleLinks(String base) {
        this.base = base;
    }

    public static ConsoleLinks of(FunctionEnvironment env) {
        return new ConsoleLinks(env.get(FunctionEnvironment.CONSOLE_BASE_URL).filter(u -> !u.isBlank())
                .map(u -> u.replaceAll("/+$", "")).orElse(null));
    }

    public String caseLink(String caseId) {
        return base == null ? null : base + "/#/cases/" + caseId;
    }
}
