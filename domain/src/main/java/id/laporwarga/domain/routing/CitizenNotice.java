package id.laporwarga.domain.routing;

import id.laporwarga.domain.error.LocalizedText;
import java.util.Objects;

/**
 * A notice for the reporter, published on the citizen-notices topic. It names the case, never the reporter's contact:
 * the SMS/WhatsApp gateway subscribed to that topic looks the contact up by {@code caseId} when it sends.
 */
public record CitizenNotice(String noticeType, String tenantId, String caseId, String trackingCode,
                            String referredTo, LocalizedText text) {
    public static final String REFERRED_EXTERNAL = "case.referred_external";

    public CitizenNotice {
        Objects.requireNonNull(noticeType, "noticeType");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(text, "text");
    }

    /** Where a complaint outside the Pemda's authority was referred: never a silent drop. */
    public static LocalizedText referralText(String tenantName, String trackingCode, String categoryName,
                                             String institutionName) {
        String code = trackingCode == null ? "" : " " + trackingCode;
        String category = categoryName == null ? "" : " (" + categoryName + ")";
        return LocalizedText.of(
                "Laporan Anda" + code + category + " berada di luar kewenangan " + tenantName
                        + " dan telah dirujuk ke " + institutionName + ". Untuk tindak lanjut, silakan juga "
                        + "menghubungi " + institutionName + " secara langsung dengan menyebutkan kode laporan ini.",
                "Your report" + code + category + " is outside the authority of " + tenantName
                        + " and has been referred to " + institutionName + ". For follow-up, please also contact "
                        + institutionName + " directly, quoting this report code.");
    }
}
