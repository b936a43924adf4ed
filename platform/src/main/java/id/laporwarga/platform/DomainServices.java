package id.laporwarga.platform;

import id.laporwarga.domain.geotag.PhotoVerification;
import id.laporwarga.domain.port.CaseRepository;
import id.laporwarga.domain.port.OfficialAccounts;
import id.laporwarga.domain.port.PhotoUploads;
import id.laporwarga.domain.port.ReporterSecretKey;
import id.laporwarga.domain.port.Roster;
import id.laporwarga.domain.port.RosterStore;
import id.laporwarga.domain.port.TenantCatalog;
import id.laporwarga.domain.intake.Duplicates;
import id.laporwarga.domain.port.NearbyCases;
import id.laporwarga.domain.port.TenantRegistry;
import id.laporwarga.domain.tenant.TenantOnboardingService;
import id.laporwarga.domain.report.ReporterSecrets;
import id.laporwarga.domain.report.SubmitReportService;
import id.laporwarga.domain.roster.RosterImport;
import id.laporwarga.domain.routing.RouteCaseService;
import id.laporwarga.domain.workflow.ReviewService;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import id.laporwarga.domain.notice.CitizenNoticeDelivery;
import id.laporwarga.domain.notice.StepAlerts;
import id.laporwarga.domain.port.StepAlertPublisher;
import id.laporwarga.domain.port.CitizenMessaging;
import id.laporwarga.domain.port.EmailMessaging;
import id.laporwarga.domain.port.NoticeDeliveries;
import id.laporwarga.domain.port.ReporterContacts;
import java.time.Clock;

/**
 * The domain's services, wired to the ports (once per container, created on first use). Every parameter is a domain
 * port: the AWS adapters of this module implement them in a function, in-memory implementations in handler tests.
 */
@Factory
public class DomainServices {
    /** UTC wall clock; a test may register its own {@link Clock}. */
    @Singleton
    @Requires(missingBeans = Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Reporters' secrets and their verifiers under the server key (read on first use). */
    @Singleton
    ReporterSecrets reporterSecrets(ReporterSecretKey key) {
        return new ReporterSecrets(key);
    }

    @Singleton
    SubmitReportService submitReportService(TenantCatalog tenants, CaseRepository cases, PhotoUploads uploads,
                                            Roster roster, Clock clock, ReporterSecrets secrets) {
        return new SubmitReportService(tenants, cases, uploads, roster, clock, secrets);
    }

    /** The roster import: wired only where the officials' accounts adapter is (the roster function). */
    @Singleton
    @Requires(beans = OfficialAccounts.class)
    RosterImport rosterImport(RosterStore roster, OfficialAccounts accounts) {
        return new RosterImport(roster, accounts);
    }

    @Singleton
    PhotoVerification photoVerification(CaseRepository cases, TenantCatalog tenants, PhotoVerification.PhotoObjects photos,
                                        Clock clock) {
        return new PhotoVerification(cases, tenants, photos, clock);
    }

    @Singleton
    RouteCaseService routeCaseService(CaseRepository cases, TenantCatalog tenants, FunctionEnvironment env,
                                      Clock clock) {
        // agencies' alerts link to the case in the officials' console, never to presigned photo URLs
        return new RouteCaseService(cases, tenants, ConsoleLinks.of(env)::caseLink, clock);
    }

    @Singleton
    Duplicates duplicates(NearbyCases nearby) {
        return new Duplicates(nearby);
    }

    @Singleton
    ReviewService reviewService(CaseRepository cases, TenantCatalog tenants, PhotoUploads uploads, Clock clock,
                                ReporterSecrets secrets) {
        return new ReviewService(cases, tenants, uploads, clock, secrets);
    }

    @Singleton
    TenantOnboardingService tenantOnboardingService(TenantRegistry registry) {
        return new TenantOnboardingService(registry);
    }

    /** The citizen-notice sender: the one place a reporter's contact is read to send them a message. */
    @Singleton
    CitizenNoticeDelivery citizenNoticeDelivery(ReporterContacts contacts, CitizenMessaging messaging,
                                                EmailMessaging email, NoticeDeliveries deliveries, Clock clock) {
        return new CitizenNoticeDelivery(contacts, messaging, email, deliveries, clock);
    }

    /** Step alerts: the officials acting in the step a case entered hear of it. */
    @Singleton
    StepAlerts stepAlerts(CaseRepository cases, TenantCatalog tenants, StepAlertPublisher publisher,
                          NoticeDeliveries deliveries, Clock clock) {
        return new StepAlerts(cases, tenants, publisher, deliveries, clock);
    }
}
