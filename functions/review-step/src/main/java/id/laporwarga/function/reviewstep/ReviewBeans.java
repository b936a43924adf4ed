package id.laporwarga.function.reviewstep;

import id.laporwarga.domain.workflow.ReviewService;
import id.laporwarga.platform.aws.S3PhotoUploads;
import id.laporwarga.platform.store.DynamoCaseRepository;
import id.laporwarga.platform.tenant.DynamoTenantStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the domain's review workflow to its AWS adapters (once per container). */
@Factory
public class ReviewBeans {
    @Singleton
    ReviewService reviewService(DynamoCaseRepository cases, DynamoTenantStore tenants, S3PhotoUploads uploads,
                                SnsReviewOutbox outbox) {
        return new ReviewService(cases, tenants, uploads, outbox, Clock.systemUTC());
    }
}
