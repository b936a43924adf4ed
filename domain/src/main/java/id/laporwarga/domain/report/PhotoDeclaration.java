package id.laporwarga.domain.report;

/** A photo the client announces at submission (it uploads the bytes afterwards to a presigned URL). */
public record PhotoDeclaration(String contentType, Long sizeBytes) {
}
