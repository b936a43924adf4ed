package id.laporwarga.platform.json;

import id.laporwarga.domain.scoring.CaseExportRecord;
import io.micronaut.serde.annotation.SerdeImport;

/** Compile-time serializer of the analysts' case record (the domain type carries no annotations). */
@SerdeImport(CaseExportRecord.class)
final class ExportSerde {
    private ExportSerde() {
    }
}
