package id.laporwarga.function.routetoagency;

import id.laporwarga.domain.routing.RouteCaseService;
import id.laporwarga.platform.store.DynamoCaseRepository;
import id.laporwarga.platform.store.DynamoDeliveryClaims;
import id.laporwarga.platform.tenant.DynamoTenantStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the domain's routing service to its AWS adapters (once per container). */
@Factory
public class RoutingBeans {
    @Singleton
    RouteCaseService routeCaseService(DynamoCaseRepository cases, DynamoTenantStore tenants,
                                      SnsRoutingNotifications notifications, DynamoDeliveryClaims claims,
                                      AlertPhotoLinks photoLinks) {
        return new RouteCaseService(cases, tenants, notifications, claims, photoLinks::link, AlertPhotoLinks.VALIDITY,
                Clock.systemUTC());
    }
}
