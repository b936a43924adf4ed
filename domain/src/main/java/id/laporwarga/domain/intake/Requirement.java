package id.laporwarga.domain.intake;

/** Whether a category's reports carry a location or photos: required, optional or absent (refused when given). */
public enum Requirement {
    REQUIRED, OPTIONAL, ABSENT;

    public boolean allows(boolean given) {
        return given ? this != ABSENT : this != REQUIRED;
    }
}
