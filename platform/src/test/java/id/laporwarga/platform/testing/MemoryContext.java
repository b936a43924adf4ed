package id.laporwarga.platform.testing;

import id.laporwarga.domain.geotag.PhotoVerification;
import id.laporwarga.domain.geotag.StoredPhoto;
import id.laporwarga.domain.memory.MemorySecrets;
import id.laporwarga.domain.memory.MemoryWorld;
import id.laporwarga.platform.photo.MemorySource;
import id.laporwarga.platform.photo.PhotoMetadataReader;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import id.laporwarga.domain.port.ReporterContacts;
import id.laporwarga.domain.port.ReporterSecretKey;
import id.laporwarga.domain.port.RtScores;
import id.laporwarga.domain.report.ReporterSecrets;
import id.laporwarga.platform.aws.SecretsManagerReporterKey;
import id.laporwarga.platform.store.DynamoReporterContacts;
import id.laporwarga.domain.port.TenantCatalog;
import id.laporwarga.domain.port.TenantJobQueue;
import id.laporwarga.domain.port.TenantRegistry;
import id.laporwarga.domain.port.OutboxPublisher;
import id.laporwarga.domain.port.SweepTallies;
import id.laporwarga.domain.workflow.OverdueCases;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.aws.AgencySubscriptions;
import id.laporwarga.platform.aws.S3AnalyticsExports;
import id.laporwarga.platform.aws.S3BoundaryUploads;
import id.laporwarga.platform.aws.S3CaseAttachments;
import id.laporwarga.platform.aws.S3PhotoReader;
import id.laporwarga.platform.aws.S3PhotoUploads;
import id.laporwarga.platform.aws.SnsOutboxPublisher;
import id.laporwarga.platform.store.AgencyStatsQueries;
import id.laporwarga.platform.store.NearbyCaseQueries;
import id.laporwarga.platform.store.DynamoCaseRepository;
import id.laporwarga.platform.store.DynamoSweepTallies;
import id.laporwarga.platform.store.InboxQueries;
import id.laporwarga.platform.store.PeriodCaseQueries;
import id.laporwarga.platform.store.RtScoreStore;
import id.laporwarga.platform.store.DynamoRoster;
import id.laporwarga.platform.aws.CognitoOfficialAccounts;
import id.laporwarga.domain.port.OfficialAccounts;
import id.laporwarga.domain.port.Roster;
import id.laporwarga.domain.port.RosterStore;
import id.laporwarga.platform.tenant.DynamoTenantStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.RuntimeBeanDefinition;
import java.time.Clock;
import id.laporwarga.domain.port.CitizenMessaging;
import id.laporwarga.domain.port.EmailMessaging;
import id.laporwarga.domain.port.PublicPhotos;
import id.laporwarga.domain.port.NoticeDeliveries;
import id.laporwarga.platform.aws.S3PublicPhotos;
import id.laporwarga.platform.aws.SesEmailSender;
import id.laporwarga.platform.aws.SnsSmsSender;
import id.laporwarga.platform.aws.SnsStepAlertPublisher;
import id.laporwarga.domain.port.StepAlertPublisher;
import id.laporwarga.platform.store.DynamoNoticeDeliveries;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A function's Micronaut context whose ports are a {@link MemoryWorld}: every AWS adapter of the platform is replaced
 * by the in-memory implementation of the domain port it implements, so a handler runs its real wiring, routes,
 * mapping and error handling without an emulator. No SDK client is ever created (there is no endpoint to reach).
 */
public final class MemoryContext {
    /** What the functions read from their environment; no endpoint: nothing may call AWS. */
    public static final Map<String, String> ENVIRONMENT = Map.ofEntries(
            Map.entry(FunctionEnvironment.TABLE_NAME, "memory-table"),
            Map.entry(FunctionEnvironment.PHOTOS_BUCKET, "memory-photos"),
            Map.entry(FunctionEnvironment.ANALYTICS_BUCKET, "memory-analytics"),
            Map.entry(FunctionEnvironment.BOUNDARIES_BUCKET, "memory-boundaries"),
            Map.entry(FunctionEnvironment.CASE_EVENTS_TOPIC_ARN, "arn:aws:sns:ap-southeast-3:000000000000:memory-case-events"),
            Map.entry(FunctionEnvironment.AGENCY_ALERTS_TOPIC_ARN,
                    "arn:aws:sns:ap-southeast-3:000000000000:memory-agency-alerts"),
            Map.entry(FunctionEnvironment.CITIZEN_NOTICES_TOPIC_ARN,
                    "arn:aws:sns:ap-southeast-3:000000000000:memory-citizen-notices"),
            Map.entry(FunctionEnvironment.SUPERVISOR_ALERTS_TOPIC_ARN,
                    "arn:aws:sns:ap-southeast-3:000000000000:memory-supervisor-alerts"),
            Map.entry(FunctionEnvironment.CONSOLE_BASE_URL, "https://lapor.example.go.id/petugas"),
            Map.entry(FunctionEnvironment.AWS_REGION, "ap-southeast-3"),
            Map.entry(FunctionEnvironment.AWS_ENDPOINT_URL, "http://127.0.0.1:9"));

    /** The reporter-secret key of every in-memory context (32 bytes; never a real one). */
    public static final ReporterSecretKey REPORTER_SECRET_KEY = MemorySecrets.KEY;
    /** Secrets and verifiers as the functions of a MemoryContext make them (for fixtures and assertions). */
    public static final ReporterSecrets REPORTER_SECRETS = MemorySecrets.SECRETS;

    private MemoryContext() {
    }

    /** The builder to hand a handler's {@code (ApplicationContextBuilder)} constructor. */
    public static ApplicationContextBuilder of(MemoryWorld world, Clock clock) {
        world.objects.photoReader = MemoryContext::readPhoto;
        world.objects.viewCopier = MemoryContext::viewCopy;
        List<List<RuntimeBeanDefinition<?>>> ports = new java.util.ArrayList<>(List.of(
                port(DynamoCaseRepository.class, world.cases, CaseRepository.class),
                port(DynamoReporterContacts.class, world.cases, ReporterContacts.class),
                port(DynamoTenantStore.class, world.tenants, TenantCatalog.class, TenantRegistry.class),
                port(AgencySubscriptions.class, world.tenants, AlertSubscriptions.class),
                port(S3PhotoUploads.class, world.objects, PhotoUploads.class),
                port(S3BoundaryUploads.class, world.uploads, BoundaryUploads.class),
                port(S3PhotoReader.class, world.objects, PhotoVerification.PhotoObjects.class),
                port(S3CaseAttachments.class, world.objects, CaseAttachments.class),
                port(S3PublicPhotos.class, world.objects, PublicPhotos.class),
                port(S3AnalyticsExports.class, world.objects, AnalyticsExports.class),
                port(SnsOutboxPublisher.class, world.topics, OutboxPublisher.class),
                port(DynamoSweepTallies.class, world.tallies, SweepTallies.class),
                port(InboxQueries.class, world.queries, CaseInbox.class, OverdueCases.class),
                port(PeriodCaseQueries.class, world.queries, PeriodCases.class),
                port(AgencyStatsQueries.class, world.queries, AgencyStats.class),
                port(NearbyCaseQueries.class, world.queries, NearbyCases.class),
                port(RtScoreStore.class, world.scores, RtScores.class),
                port(DynamoRoster.class, world.roster, Roster.class, RosterStore.class),
                port(CognitoOfficialAccounts.class, world.roster, OfficialAccounts.class),
                port(SnsSmsSender.class, world.notices, CitizenMessaging.class),
                port(SesEmailSender.class, world.notices, EmailMessaging.class),
                port(DynamoNoticeDeliveries.class, world.notices, NoticeDeliveries.class),
                port(SnsStepAlertPublisher.class, world.notices, StepAlertPublisher.class)));
        if (secretsManagerPresent()) { // only the functions that derive or check reporters' secrets carry it
            ports.add(port(SecretsManagerReporterKey.class, REPORTER_SECRET_KEY, ReporterSecretKey.class));
        } else {
            ports.add(List.of(RuntimeBeanDefinition.builder(ReporterSecretKey.class, () -> REPORTER_SECRET_KEY).build()));
        }
        List<RuntimeBeanDefinition<?>> definitions = new java.util.ArrayList<>(ports.stream().flatMap(List::stream).toList());
        definitions.add(jobQueue(world));
        return ApplicationContext.builder()
                .singletons(new FunctionEnvironment(ENVIRONMENT), clock)
                .beanDefinitions(definitions.toArray(RuntimeBeanDefinition[]::new));
    }

    /**
     * The job queues: replaces the SQS adapter where the SQS SDK is on the classpath (the tenant-jobs function), is the
     * only {@link TenantJobQueue} elsewhere.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static RuntimeBeanDefinition<?> jobQueue(MemoryWorld world) {
        var b = RuntimeBeanDefinition.builder(TenantJobQueue.class, () -> world.jobs);
        try {
            Class.forName("software.amazon.awssdk.services.sqs.SqsClient", false, MemoryContext.class.getClassLoader());
            b.replaces((Class) Class.forName("id.laporwarga.platform.aws.SqsTenantJobQueue"));
        } catch (ClassNotFoundException e) {
            // no SQS SDK: no adapter to replace
        }
        return b.build();
    }

    /**
     * {@code instance} as the bean of each port in {@code ports}, in place of the platform's {@code adapter} (one
     * definition per port type: Micronaut keys replacements by bean type).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<RuntimeBeanDefinition<?>> port(Class<?> adapter, Object instance, Class<?>... ports) {
        return Stream.of(ports).<RuntimeBeanDefinition<?>>map(type -> RuntimeBeanDefinition
                .builder((Class<Object>) type, () -> instance).replaces((Class) adapter).build()).toList();
    }

    private static boolean secretsManagerPresent() {
        try {
            Class.forName("software.amazon.awssdk.services.secretsmanager.SecretsManagerClient", false,
                    MemoryContext.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The platform's EXIF stripper, as {@code S3PhotoReader.makeViewCopy} uses it. */
    private static byte[] viewCopy(byte[] bytes) {
        try {
            return id.laporwarga.platform.photo.PublicPhotoCopy.of(bytes);
        } catch (id.laporwarga.platform.photo.InvalidImageException e) {
            return null;
        }
    }

    /** The platform's EXIF reader on a photo held in memory, as {@code S3PhotoReader} reads one from S3. */
    private static StoredPhoto readPhoto(byte[] bytes) {
        try {
            return new PhotoMetadataReader().stored(new MemorySource(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
