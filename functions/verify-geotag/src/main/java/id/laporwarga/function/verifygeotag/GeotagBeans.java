package id.laporwarga.function.verifygeotag;

import id.laporwarga.domain.geotag.PhotoVerification;
import id.laporwarga.platform.aws.CaseEventPublisher;
import id.laporwarga.platform.aws.S3PhotoReader;
import id.laporwarga.platform.store.DynamoCaseRepository;
import id.laporwarga.platform.store.ProcessedMarkers;
import id.laporwarga.platform.tenant.DynamoTenantStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/** Wires the domain's photo verification to its AWS adapters (once per container). */
@Factory
public class GeotagBeans {
    @Singleton
    PhotoVerification photoVerification(DynamoCaseRepository cases, DynamoTenantStore tenants, S3PhotoReader photos,
                                        CaseEventPublisher events, ProcessedMarkers markers) {
        return new PhotoVerification(cases, tenants, photos, events::publish, new PhotoVerification.OnceMarkers() {
            @Override
            public boolean markIfFirst(String scope, String id, Instant now) {
                return markers.markIfFirst(scope, id, now);
            }

            @Override
            public void unmark(String scope, String id) {
                markers.unmark(scope, id);
            }
        }, Clock.systemUTC());
    }
}
