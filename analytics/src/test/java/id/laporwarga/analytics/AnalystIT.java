package id.laporwarga.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import id.laporwarga.domain.geo.AreaRef;
import id.laporwarga.domain.geo.GeoPoint;
import id.laporwarga.domain.report.Assignment;
import id.laporwarga.domain.report.CaseKind;
import id.laporwarga.domain.report.CaseStatus;
import id.laporwarga.domain.report.Privacy;
import id.laporwarga.domain.report.ReportCase;
import id.laporwarga.domain.report.Reporter;
import id.laporwarga.emulators.LocalAws;
import id.laporwarga.emulators.ProvisionedStack;
import id.laporwarga.emulators.SamTemplate;
import id.laporwarga.emulators.SampleTenants;
import id.laporwarga.emulators.StackProvisioner;
import id.laporwarga.function.routetoagency.AdminStatsHandler;
import id.laporwarga.function.scorert.ExportHandler;
import id.laporwarga.function.scorert.ExportRequest;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.json.Json;
import id.laporwarga.platform.store.DynamoCaseRepository;
import id.laporwarga.testkit.HttpEvents;
import id.laporwarga.testkit.QueueEvents;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.tree.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import software.amazon.awssdk.services.s3.S3Client;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysts' path end to end on the emulators: complaints routed to agencies in two months, the export function
 * writes them to the analytics bucket (moto S3), the analyst command copies the bucket and answers "complaints per
 * agency per month", and every figure matches the route-to-agency admin statistics API for the same month.
 */
@Tag("emulator")
@Timeout(240)
class AnalystIT {
    static final String TENANT = SampleTenants.KOTAMOBAGU;
    static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    static final AreaRef AREA = new AreaRef("71.74.01", "Kotamobagu Utara", "71.74.01.1005", "Biga",
            AreaRef.KelurahanMatch.INSIDE);
    static final List<String> AGENCIES = List.of("dlh", "pupr", "dishub");
    static final List<YearMonth> MONTHS = List.of(YearMonth.of(2025, 8), YearMonth.of(2025, 9));

    @TempDir
    Path dir;

    @Test
    void complaintsPerAgencyPerMonthMatchTheAdminStatisticsApi() throws Exception {
        LocalAws aws = LocalAws.shared();
        ProvisionedStack stack = StackProvisioner.provision(SamTemplate.load(SamTemplate.findRepositoryTemplate()),
                "analyst-" + UUID.randomUUID().toString().substring(0, 8), aws);
        SampleTenants.onboard(stack, TENANT);
        try (ExportHandler export = new ExportHandler(ApplicationContext.builder()
                     .singletons(new FunctionEnvironment(stack.functionEnvironment("ExportFunction"))));
             AdminStatsHandler stats = new AdminStatsHandler(ApplicationContext.builder()
                     .singletons(new FunctionEnvironment(stack.functionEnvironment("AdminStatsFunction"))))) {
            DynamoCaseRepository repo = export.getApplicationContext().getBean(DynamoCaseRepository.class);
            Random random = new Random(7);
            int stored = 0;
            for (YearMonth month : MONTHS) {
                for (int i = 0; i < 12; i++) {
                    String agency = AGENCIES.get(random.nextInt(AGENCIES.size()));
                    Instant t = LocalDateTime.of(month.getYear(), month.getMonth(), 1 + random.nextInt(27), 9, 0)
                            .atZone(WITA).toInstant();
                    repo.create(complaint(t, agency, i % 4 == 0 ? Privacy.CONFIDENTIAL : Privacy.PUBLIC), null,
                            "idem-" + UUID.randomUUID());
                    stored++;
                }
            }
            S3Client s3 = export.getApplicationContext().getBean(S3Client.class);
            for (YearMonth month : MONTHS) {
                var r = export.getApplicationContext().getBean(id.laporwarga.function.scorert.Exports.class)
                        .run(new ExportRequest(TENANT, month.toString()));
                assertEquals(12, r.tenants().get(0).cases());
                // the pipeline's conversion step (an Athena UNLOAD on AWS), as the local stack runs it
                assertEquals(3, ParquetConversion.convertInBucket(s3, r.bucket(), r.tenants().get(0).keys()).size());
            }

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            AnalystCli cli = new AnalystCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String sql = "SELECT agency_id, month, count(*) AS complaints FROM cases WHERE kind = 'COMPLAINT' "
                    + "AND tenant = '" + TENANT + "' GROUP BY ALL ORDER BY ALL";
            int code = cli.run(new String[] {"--dir", dir.toString(), "--s3", stack.bucket("AnalyticsBucket"),
                    "--endpoint", aws.endpoint("s3").toString(), "--region", aws.region(), sql});
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            String table = out.toString(StandardCharsets.UTF_8);
            assertTrue(table.contains("agency_id") && table.contains("complaints"), table);

            List<List<String>> rows = cli.query(dir, sql);
            Map<String, Long> fromAnalyst = new HashMap<>();
            long total = 0;
            for (List<String> row : rows.subList(1, rows.size())) {
                fromAnalyst.put(row.get(0) + "@" + row.get(1), Long.parseLong(row.get(2)));
                total += Long.parseLong(row.get(2));
            }
            assertEquals(stored, total);

            Json json = export.getApplicationContext().getBean(Json.class);
            for (YearMonth month : MONTHS) {
                JsonNode body = adminStats(stats, json, month);
                JsonNode agencies = body.get("agencies");
                for (int i = 0; i < agencies.size(); i++) {
                    String agency = agencies.get(i).get("agencyId").getStringValue();
                    long received = agencies.get(i).get("received").getLongValue();
                    assertEquals(received, fromAnalyst.getOrDefault(agency + "@" + month, 0L),
                            agency + " in " + month + ": analyst vs API " + body);
                }
            }
            String files = String.join("", Files.walk(dir).filter(Files::isRegularFile).map(Path::toString).toList());
            assertTrue(files.contains("tenant=" + TENANT) && files.contains("month=2025-09")
                    && files.contains("parquet/cases/tenant=" + TENANT + "/month=2025-09/cases.parquet"), files);

            // a re-export removes the month's Parquet copies before the conversion writes them anew
            // (as one message of the export jobs queue: the worker's trigger since the per-tenant fan-out)
            assertEquals(List.of(), export.handleRequest(QueueEvents.sqs(
                    "{\"tenant\":\"" + TENANT + "\",\"period\":\"2025-09\"}"), null).getBatchItemFailures());
            assertTrue(s3.listObjectsV2(r -> r.bucket(stack.bucket("AnalyticsBucket"))
                    .prefix("parquet/cases/tenant=" + TENANT + "/month=2025-09/")).contents().isEmpty());
        }
    }

    private static JsonNode adminStats(AdminStatsHandler stats, Json json, YearMonth month) {
        APIGatewayV2HTTPEvent event = HttpEvents.file("http-admin-stats.json").query(Map.of("tenant", TENANT,
                "from", month.atDay(1).toString(), "to", month.atEndOfMonth().toString()))
                .claims(HttpEvents.claims("analyst", "CITY_ADMIN", TENANT, null)).build();
        APIGatewayV2HTTPResponse response = stats.handleRequest(event, null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        return json.tree(response.getBody());
    }

    private static ReportCase complaint(Instant t, String agency, Privacy privacy) {
        String id = UUID.randomUUID().toString();
        return ReportCase.builder().caseId(id).tenantId(TENANT).timeZone(WITA.getId()).trackingCode("KTG-" + id.substring(0, 8))
                .kind(CaseKind.COMPLAINT).category("SAMPAH").description("Sampah menumpuk")
                .location(new GeoPoint(0.7512, 124.3251)).area(AREA).privacy(privacy)
                .reporter(new Reporter("Yusuf Mamonto", "+6285211112222", null)).status(CaseStatus.TRIAGE).submittedAt(t)
                .assignment(new Assignment(agency, agency.toUpperCase(), false, t.plusSeconds(600), null, List.of()))
                .citizenSecretHash("h").requestHash("r").build()
                .transition(CaseStatus.ROUTED, "route", "system", "SYSTEM", null, t.plusSeconds(600), null);
    }
}
