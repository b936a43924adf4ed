package id.laporwarga.domain.roster;

import java.util.Objects;

/**
 * One RT of a tenant's roster: its id (what reports, tokens and scores name), its number and RW as written on the
 * ground, the kelurahan (and its kecamatan) it belongs to, whether it is active, and its head's sign-in account.
 * An RT dropped from an imported roster is deactivated, never deleted: its history and scores stay with it.
 */
public record RosterEntry(String tenantId, String rtId, String number, String rw, String kecamatanCode,
                          String kecamatanName, String kelurahanCode, String kelurahanName, boolean active,
                          RtHead head) {
    public RosterEntry {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(rtId, "rtId");
        Objects.requireNonNull(kelurahanCode, "kelurahanCode");
        head = head == null ? RtHead.NONE : head;
    }

    public RosterEntry withActive(boolean value) {
        return new RosterEntry(tenantId, rtId, number, rw, kecamatanCode, kecamatanName, kelurahanCode, kelurahanName,
                value, head);
    }

    public RosterEntry withHead(RtHead value) {
        return new RosterEntry(tenantId, rtId, number, rw, kecamatanCode, kecamatanName, kelurahanCode, kelurahanName,
                active, value);
    }

    /** Same RT, number, RW, place and state (the head's account is compared on its own). */
    public boolean samePlaceAs(RosterEntry other) {
        return other != null && rtId.equals(other.rtId) && Objects.equals(number, other.number)
                && Objects.equals(rw, other.rw) && kelurahanCode.equals(other.kelurahanCode)
                && Objects.equals(kecamatanCode, other.kecamatanCode) && Objects.equals(kelurahanName, other.kelurahanName)
                && Objects.equals(kecamatanName, other.kecamatanName) && active == other.active;
    }
}
