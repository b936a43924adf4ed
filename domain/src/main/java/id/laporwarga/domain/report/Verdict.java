package id.laporwarga.domain.report;

/** Outcome of a check, ordered from best to worst: the case verdict is the worst photo verdict. */
public enum Verdict {
    PASS, NEEDS_REVIEW, REJECTED;

    public Verdict worst(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
