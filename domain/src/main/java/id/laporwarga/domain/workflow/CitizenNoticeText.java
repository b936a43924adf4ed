package id.laporwarga.domain.workflow;

import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.time.IndonesianTime;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The notice a reporter gets when the case changes status: Indonesian (or English where the report asked), short, with
 * the tracking code, no personal data.
 */
public final class CitizenNoticeText {
    private CitizenNoticeText() {
    }

    /**
     * The notice for the case's new status. For a resolved complaint it says when the case closes by itself: the
     * deadline the workflow catalogue gave the step ({@code deadlineAt}).
     */
    public static String of(ReportCase c, Instant at) {
        return text(c, at, false);
    }

    /** {@link #of(ReportCase, Instant)} in English, for reporters who asked for English notices. */
    public static String english(ReportCase c, Instant at) {
        return text(c, at, true);
    }

    private static String text(ReportCase c, Instant at, boolean en) {
        ZoneId zone = c.timeZone() == null ? IndonesianTime.WIB : ZoneId.of(c.timeZone());
        StringBuilder sb = new StringBuilder(160)
                .append(en ? "Lapor Warga: report " : "Lapor Warga: laporan ").append(c.trackingCode())
                .append(en ? " is now \"" : " kini berstatus \"")
                .append(en ? c.status().label().en() : c.status().label().id()).append("\" (")
                .append(IndonesianTime.display(at, zone)).append(").");
        if (c.status() == CaseStatus.RESOLVED) {
            sb.append(en ? " If it is fixed, confirm with your tracking code; if not, ask to reopen it."
                    : " Jika sudah beres, konfirmasi dengan kode pelacakan Anda; jika belum, ajukan buka kembali.");
            if (c.deadlineAt() != null) {
                sb.append(en ? " Without an answer, the report closes by itself on "
                        : " Tanpa jawaban, laporan ditutup otomatis pada ")
                        .append(IndonesianTime.display(c.deadlineAt(), zone)).append('.');
            }
        } else if (c.status() == CaseStatus.NEEDS_INFO) {
            String question = c.history().isEmpty() ? null : c.history().getLast().note();
            sb.append(" Petugas meminta keterangan: \"").append(question == null ? "" : question).append("\".")
                    .append(" Jawab di halaman laporan dengan kode rahasia Anda");
            if (c.deadlineAt() != null) {
                sb.append(" sebelum ").append(IndonesianTime.display(c.deadlineAt(), zone));
            }
            sb.append("; tanpa jawaban laporan ditutup.");
        } else if (c.status() == CaseStatus.CLOSED && c.history().size() > 1
                && c.history().getLast().from() == CaseStatus.NEEDS_INFO) {
            sb.append(" Laporan ditutup karena pertanyaan petugas tidak dijawab; Anda dapat mengirim laporan baru.");
        } else if (c.status() == CaseStatus.MERGED) {
            sb.append(" Laporan Anda digabung dengan laporan serupa di lokasi yang sama dan dihitung sebagai dukungan;")
                    .append(" halaman laporan Anda menampilkan status laporan induk.");
        } else if (c.status() == CaseStatus.RETURNED) {
            sb.append(en ? " Please correct the report as the officer noted."
                    : " Mohon perbaiki laporan sesuai catatan petugas.");
        }
        return sb.toString();
    }

    /**
     * @deprecated the auto-close time is the case's deadline from the workflow catalogue; use {@link #of(ReportCase,
     * Instant)} ({@code autoCloseWorkingDays} is ignored)
     */
    @Deprecated
    public static String of(ReportCase c, Instant at, int autoCloseWorkingDays) {
        return of(c, at);
    }
}
