package id.laporwarga.domain.report;

/**
 * The reporter of a case. At submission it carries the contact the reporter left (optional name, phone, e-mail and the
 * language of the notices, {@code id} or {@code en}); the case keeps only {@link #withoutContact()}: {@code userId}
 * (the signed-in subject when the reporter is an official, e.g. an RT head) and whether a phone or an e-mail was left
 * ({@code hasContact}, so notices know whether to send). Name, phone, e-mail and language live in their own item
 * ({@link id.laporwarga.domain.port.ReporterContacts}). Never logged, never shown publicly.
 */
public record Reporter(String name, String phone, String userId, boolean hasContact, String email, String language) {
    /** English notices. */
    public static final String ENGLISH = "en";

    /** A reporter as submitted: {@code hasContact} when a phone or an e-mail was left. */
    public Reporter(String name, String phone, String userId, String email, String language) {
        this(name, phone, userId, present(phone) || present(email), email, language);
    }

    /** A reporter as submitted without e-mail (Indonesian notices): {@code hasContact} when a phone was left. */
    public Reporter(String name, String phone, String userId) {
        this(name, phone, userId, null, null);
    }

    public Reporter(String name, String phone, String userId, boolean hasContact) {
        this(name, phone, userId, hasContact, null, null);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /** True when the reporter asked for English notices. */
    public boolean english() {
        return ENGLISH.equals(language);
    }

    @Override
    public String toString() {
        return "Reporter[redacted]";
    }

    /** True when a name, phone or e-mail was left (what the contact item holds). */
    public boolean leftIdentity() {
        return present(name) || present(phone) || present(email);
    }

    /** What the case item keeps: no name, no phone; the user id and whether a phone was left. */
    public Reporter withoutContact() {
        return new Reporter(null, null, userId, hasContact);
    }
}
