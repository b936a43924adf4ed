package id.laporwarga.platform.testing;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.geotag.PhotoVerification;
import id.laporwarga.domain.memory.MemoryWorld;
import id.laporwarga.domain.port.AgencyStats;
import id.laporwarga.domain.port.NearbyCases;
import id.laporwarga.domain.port.AlertSubscriptions;
import id.laporwarga.domain.port.AnalyticsExports;
import id.laporwarga.domain.port.BoundaryUploads;
import id.laporwarga.domain.port.CaseAttachments;
import id.laporwarga.domain.port.CaseInbox;
import id.laporwarga.domain.port.CaseRepository;
import id.laporwarga.domain.port.PeriodCases;
import id.laporwarga.domain.port.PhotoUploads;
import id.laporwarga.domain.port.RtScores;
import id.laporwarga.domain.port.TenantCatalog;
import id.laporwarga.domain.port.TenantRegistry;
import id.laporwarga.domain.port.OutboxPublisher;
import id.laporwarga.domain.port.SweepTallies;
import id.laporwarga.domain.routing.RouteCaseService;
import id.laporwarga.domain.workflow.OverdueCases;
import id.laporwarga.domain.workflow.ReviewService;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sns.SnsClient;

/** Every port resolves to its in-memory implementation, the domain services wire to them, and no SDK client exists. */
class MemoryContextTest {
    @Test
    void everyAdapterIsReplacedByItsInMemoryPort() {
        MemoryWorld world = new MemoryWorld();
        try (ApplicationContext ctx = MemoryContext.of(world, Clock.systemUTC()).start()) {
            Map<Class<?>, Object> expected = Map.ofEntries(
                    Map.entry(CaseRepository.class, world.cases), Map.entry(TenantCatalog.class, world.tenants),
                    Map.entry(TenantRegistry.class, world.tenants), Map.entry(AlertSubscriptions.class, world.tenants),
                    Map.entry(PhotoUploads.class, world.objects), Map.entry(PhotoVerification.PhotoObjects.class, world.objects),
                    Map.entry(CaseAttachments.class, world.objects),
                    Map.entry(AnalyticsExports.class, world.objects), Map.entry(OutboxPublisher.class, world.topics),
                    Map.entry(SweepTallies.class, world.tallies),
                    Map.entry(CaseInbox.class, world.queries), Map.entry(OverdueCases.class, world.queries),
                    Map.entry(PeriodCases.class, world.queries), Map.entry(AgencyStats.class, world.queries),
                    Map.entry(RtScores.class, world.scores), Map.entry(BoundaryUploads.class, world.uploads),
                    Map.entry(NearbyCases.class, world.queries));
            expected.forEach((port, instance) -> assertSame(instance, ctx.getBean(port), port.getSimpleName()));
            ctx.getBean(ReviewService.class);
            ctx.getBean(RouteCaseService.class);
            ctx.getBean(PhotoVerification.class);
            for (Class<?> client : new Class<?>[] {DynamoDbClient.class, S3Client.class, S3Presigner.class, SnsClient.class}) {
                assertTrue(ctx.getActiveBeanRegistrations(client).isEmpty(), client.getSimpleName() + " was created");
            }
        }
    }
}
