package id.laporwarga.domain.report;

/**
 * The reporter of a case. At submission it carries the contact the reporter left (optional name and phone); the case
 * keeps only {@link #withoutContact()}: {@code userId} (the signed-in subject when the reporter is an official, e.g. an
 * RT head) and whether a phone was left ({@code hasContact}, so notices know whether to send an SMS). Name and phone
 * live in their own item ({@link id.laporwarga.domain.port.ReporterContacts}). Never logged, never shown publicly.
 */
public record Reporter(String name, String phone, String userId, boolean hasContact) {
    /** A reporter as submitted: {@code hasContact} when a phone was left. */
    public Reporter(String name, String phone, String userId) {
        this(name, phone, userId, phone != null && !phone.isBlank());
    }

    @Override
    public String toString() {
        return "Reporter[redacted]";
    }

    /** True when a name or phone was left (what the contact item holds). */
    public boolean leftIdentity() {
        return (name != null && !name.isBlank()) || (phone != null && !phone.isBlank());
    }

    /** What the case item keeps: no name, no phone; the user id and whether a phone was left. */
    public Reporter withoutContact() {
        return new Reporter(null, null, userId, hasContact);
    }
}
