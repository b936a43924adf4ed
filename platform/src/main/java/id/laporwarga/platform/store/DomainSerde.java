package id.laporwarga.platform.store;

import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.intake.Intake;
import id.laporwarga.domain.report.Assignment;
import id.laporwarga.domain.report.HistoryEntry;
import id.laporwarga.domain.report.Photo;
import id.laporwarga.domain.report.PhotoCheck;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Reporter;
import io.micronaut.serde.annotation.SerdeImport;

/**
 * Compile-time serializers for the domain records stored as the case document (the domain itself carries no
 * framework annotations).
 */
@SerdeImport(ReportCase.class)
@SerdeImport(GeoPoint.class)
@SerdeImport(AreaRef.class)
@SerdeImport(Reporter.class)
@SerdeImport(Photo.class)
@SerdeImport(PhotoCheck.class)
@SerdeImport(HistoryEntry.class)
@SerdeImport(Assignment.class)
@SerdeImport(Assignment.Delivery.class)
@SerdeImport(Intake.class)
public final class DomainSerde {
    private DomainSerde() {
    }
}
