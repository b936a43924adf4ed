package id.laporwarga.domain.report;

import id.laporwarga.domain.error.LocalizedText;

/** Every state of every workflow, with the label citizens see. */
public enum CaseStatus {
    AWAITING_PHOTOS("Menunggu foto", "Awaiting photos"),
    VERIFIED("Terverifikasi", "Verified"),
    NEEDS_REVIEW("Perlu ditinjau petugas", "Needs review"),
    REJECTED("Ditolak", "Rejected"),
    TRIAGE("Dalam penelaahan admin", "In triage"),
    NEEDS_INFO("Menunggu keterangan pelapor", "Waiting for the reporter's answer"),
    MERGED("Digabung dengan laporan serupa", "Merged into a similar report"),
    ROUTED("Diteruskan ke instansi", "Routed to agency"),
    REFERRED_EXTERNAL("Dirujuk ke instansi vertikal", "Referred to an external institution"),
    ACKNOWLEDGED("Diterima instansi", "Acknowledged"),
    IN_PROGRESS("Sedang ditindaklanjuti", "In progress"),
    RESOLVED("Selesai ditindaklanjuti", "Resolved"),
    REOPENED("Dibuka kembali", "Reopened"),
    CLOSED("Ditutup", "Closed"),
    KELURAHAN_REVIEW("Ditinjau kelurahan", "Kelurahan review"),
    KECAMATAN_REVIEW("Ditinjau kecamatan", "Kecamatan review"),
    CITY_REVIEW("Ditinjau kota", "City review"),
    RETURNED("Dikembalikan untuk perbaikan", "Returned for correction"),
    APPROVED("Disetujui", "Approved"),
    RT_APPROVAL("Menunggu persetujuan RT", "Awaiting RT approval"),
    KELURAHAN_PROCESSING("Diproses kelurahan", "Processing at kelurahan"),
    KECAMATAN_ISSUED("Diterbitkan kecamatan", "Issued by kecamatan");

    private final LocalizedText label;

    CaseStatus(String indonesian, String english) {
        this.label = new LocalizedText(indonesian, english);
    }

    public LocalizedText label() {
        return label;
    }

    /** No further action is expected. */
    public boolean isTerminal() {
        return this == REJECTED || this == CLOSED || this == APPROVED || this == KECAMATAN_ISSUED
                || this == REFERRED_EXTERNAL || this == MERGED;
    }
}
