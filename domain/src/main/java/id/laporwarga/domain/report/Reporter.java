package id.laporwarga.domain.report;

/**
 * The reporter's contact, optional. Never logged, never shown publicly, never sent to agencies for ANONYMOUS cases.
 * {@code userId} is the signed-in subject when the reporter is an official (an RT head).
 */
public record Reporter(String name, String phone, String userId) {
    @Override
    public String toString() {
        return "Reporter[redacted]";
    }

    public boolean hasContact() {
        return (phone != null && !phone.isBlank());
    }
}
