package id.laporwarga.domain.intake;

import java.util.EnumSet;
import java.util.Set;

/**
 * Through which channel a report reached the Pemda (Luwu Timur: "SP4N-LAPOR! or social media?"). Citizens' own
 * submissions are {@link #APP} or {@link #WEB}; the others are filed by staff on the citizen's behalf.
 */
public enum Channel {
    APP, WEB, SMS, WHATSAPP, SOCIAL_MEDIA, PHONE, WALK_IN, SP4N_LAPOR;

    /** What the public submission route accepts (the client says which it is). */
    public static final Set<Channel> SELF_SERVICE = EnumSet.of(APP, WEB);

    /** What staff record when filing for a citizen. */
    public static final Set<Channel> STAFF = EnumSet.complementOf(EnumSet.of(APP));
}
