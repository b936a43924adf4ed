package id.laporwarga.local.privacy;

import id.laporwarga.testkit.RepositoryFiles;
import id.laporwarga.testkit.SamplePoints;
import id.laporwarga.testkit.TaggedPhotos;
import static id.laporwarga.local.e2e.SharedDevStack.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.laporwarga.emulators.ProvisionedStack;
import id.laporwarga.local.e2e.SharedDevStack;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Privacy sweep (issue 8): every kind × privacy level through the whole flow on the local stack, each with its own
 * distinctive reporter name and phone; then everything the system emitted is searched: (a) logs (JsonLog, stdout,
 * stderr), (b) every SNS message on every topic (an extra capture queue per topic, no filter policy), (c) the exported
 * files of the analytics bucket (gunzipped), (d) every public answer (public view, /v1/public/*), (e) every answer
 * agency staff get. ANONYMOUS and CONFIDENTIAL reporters: zero hits anywhere there. PUBLIC reporters' phones: in no
 * log, public answer or export. Positive controls prove the search would see a leak.
 */
@Tag("emulator")
@Timeout(120)
@ExtendWith(SharedDevStack.class)
class PrivacySweepIT {
    static final String KECAMATAN = "71.74.02";
    static final String KELURAHAN = "71.74.02.1007";
    static final Duration STEP = Duration.ofSeconds(10);
    static final List<String> TOPICS = List.of("CaseEventsTopic", "AgencyAlertsTopic", "CitizenNoticesTopic",
            "SupervisorAlertsTopic");

    record Sweep(String kind, String privacy, String name, String phone, JsonNode submission) {
        String caseId() {
            return submission.get("caseId").asText();
        }

        String trackingCode() {
            return submission.get("trackingCode").asText();
        }
    }

    @Test
    void noAnonymousOrConfidentialReporterLeaksAnywhere() throws Exception {
        long started = System.nanoTime();
        ProvisionedStack stack = local().stack();
        var sqs = local().aws().sqs();
        var sns = local().aws().sns();
        String run = UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT);
        Map<String, String> captureQueues = new LinkedHashMap<>();
        for (String topic : TOPICS) {
            String url = sqs.createQueue(r -> r.queueName("privacy-capture-" + topic + "-" + run)).queueUrl();
            String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            sns.subscribe(r -> r.topicArn(stack.topicArn(topic)).protocol("sqs").endpoint(arn));
            captureQueues.put(topic, url);
        }

        StringBuilder publicAnswers = new StringBuilder();
        StringBuilder agencyAnswers = new StringBuilder();
        StringBuilder officialAnswers = new StringBuilder();
        StackHttp citizen = new StackHttp(local()).observe(r -> publicAnswers.append(r.body()).append('\n'));
        StackHttp agency = new StackHttp(local()).observe(r -> agencyAnswers.append(r.body()).append('\n'));
        StackHttp officials = new StackHttp(local()).observe(r -> officialAnswers.append(r.body()).append('\n'));
        // RT head, kelurahan and kecamatan: they live next door to the reporter (no CONFIDENTIAL identity for them)
        StringBuilder reviewerAnswers = new StringBuilder();
        StackHttp reviewers = new StackHttp(local()).observe(r -> reviewerAnswers.append(r.body()).append('\n'));
        String rtId = KELURAHAN + "-RT002"; // a rostered RT of the sample roster (e2e uses RT003)
        String period = YearMonth.now(ZoneId.of("Asia/Makassar")).toString();
        double[] kobo = SamplePoints.named("Kobo Besar").latLon();
        double[] motoboi = SamplePoints.named("Motoboi Besar").latLon();
        String logs;
        List<Sweep> sweeps = new ArrayList<>();

        try (OutputCapture capture = new OutputCapture()) {
            String rtHead = officials.token("RT_HEAD", rtId);
            int n = 0;
            for (String kind : List.of("COMPLAINT", "RT_ACTIVITY", "SERVICE_REQUEST")) {
                for (String privacy : List.of("PUBLIC", "ANONYMOUS", "CONFIDENTIAL")) {
                    n++;
                    String name = "Saksi Rahasia " + run + "Q" + n;
                    String phone = String.format("0812%06d%02d", Math.floorMod(run.hashCode(), 1_000_000), n);
                    Map<String, Object> reporter = Map.of("name", name, "phone", phone);
                    boolean photo = !"SERVICE_REQUEST".equals(kind);
                    byte[] bytes = photo ? TaggedPhotos.retagInWita(RepositoryFiles.photoBytes("nikon-coolpix-p6000_gps.jpg"),
                            "COMPLAINT".equals(kind) ? kobo : motoboi, TaggedPhotos.anHourAgo()) : null;
                    Map<String, Object> body = switch (kind) {
                        case "COMPLAINT" -> StackHttp.report(kind, "SAMPAH", kobo, privacy, null, reporter,
                                List.of(StackHttp.photo("image/jpeg", bytes.length)));
                        case "RT_ACTIVITY" -> StackHttp.report(kind, "GOTONG_ROYONG", motoboi, privacy, rtId, reporter,
                                List.of(StackHttp.photo("image/jpeg", bytes.length)));
                        default -> StackHttp.report(kind, "SURAT_DOMISILI", motoboi, privacy, rtId, reporter, null);
                    };
                    JsonNode submission = citizen.submit(body, "COMPLAINT".equals(kind) ? null : rtHead);
                    if (photo) {
                        citizen.upload(submission, 0, bytes);
                    }
                    sweeps.add(new Sweep(kind, privacy, name, phone, submission));
                }
            }

            String dlh = agency.token("AGENCY_STAFF", "dlh");
            String kelurahan = officials.token("KELURAHAN", KELURAHAN);
            String kecamatan = officials.token("KECAMATAN", KECAMATAN);
            String city = officials.token("CITY_ADMIN", null);
            for (Sweep s : sweeps) {
                switch (s.kind()) {
                    case "COMPLAINT" -> {
                        citizen.awaitStatus(s.trackingCode(), "ROUTED", STEP);
                        agency.act(dlh, s.caseId(), "acknowledge", null);
                        agency.act(dlh, s.caseId(), "start", null);
                        agency.act(dlh, s.caseId(), "resolve", "Sampah sudah diangkut truk DLH.");
                    }
                    case "RT_ACTIVITY" -> {
                        citizen.awaitStatus(s.trackingCode(), "KELURAHAN_REVIEW", STEP);
                        reviewers.act(kelurahan, s.caseId(), "approve", null);
                        reviewers.act(kecamatan, s.caseId(), "approve", null);
                        officials.act(city, s.caseId(), "approve", null);
                    }
                    default -> {
                        citizen.awaitStatus(s.trackingCode(), "RT_APPROVAL", STEP);
                        reviewers.act(rtHead, s.caseId(), "approve", null);
                        reviewers.act(kelurahan, s.caseId(), "issue", null);
                    }
                }
            }
            StackHttp.expect(200, agency.call("GET", "/v1/inbox", dlh, null));
            for (Sweep s : sweeps) {
                if ("COMPLAINT".equals(s.kind())) {
                    agency.caseView(dlh, s.caseId());
                } else {
                    reviewers.caseView(kelurahan, s.caseId());
                    reviewers.caseView(kecamatan, s.caseId());
                }
                citizen.publicView(s.trackingCode());
            }
            // the schedules' fan-out sends one job message per tenant; the job queues' event sources run the workers
            String jobs = "TenantJobsFunction?event=";
            StackHttp.expect(200, officials.runSchedule(jobs + "EscalationEvery15Minutes",
                    Map.of("job", "escalate", "tenant", StackHttp.TENANT)));
            StackHttp.expect(200, officials.runSchedule(jobs + "ScoreDailyProvisional",
                    Map.of("job", "score", "tenant", StackHttp.TENANT, "period", period)));
            StackHttp.expect(200, officials.runSchedule(jobs + "ExportMonthly",
                    Map.of("job", "export", "tenant", StackHttp.TENANT, "period", period)));
            String pub = "/v1/public/" + StackHttp.TENANT;
            for (int i = 0; i < 150 && citizen.call("GET", pub + "/rt?period=" + period, null, null).body()
                    .contains("\"NOT_SCORED\""); i++) {
                StackHttp.sleep(200); // the score job has not run yet
            }
            StackHttp.sleep(1500); // the export job's log lines
            StackHttp.expect(200, citizen.call("GET", pub + "/rt?period=" + period, null, null));
            StackHttp.expect(200, citizen.call("GET", pub + "/rt/" + rtId + "/performance?period=" + period, null, null));
            StackHttp.expect(200, citizen.call("GET", pub + "/areas?period=" + period, null, null));
            // positive control for the officials' view: the city admin sees a PUBLIC and a CONFIDENTIAL reporter's contact
            officials.caseView(city, sweeps.get(0).caseId());
            officials.caseView(city, sweeps.get(2).caseId());
            // the reporter's secret still works: the PUBLIC complainant confirms the resolution
            StackHttp.expect(200, citizen.call("POST", "/v1/reports/" + sweeps.get(0).trackingCode() + "/confirm", null,
                    Map.of("secret", sweeps.get(0).submission().get("reporterSecret").asText())));
            StackHttp.sleep(500); // let the last SNS deliveries land in the capture queues
            logs = capture.all();
        }

        StringBuilder snsMessages = new StringBuilder();
        int messages = 0;
        for (String url : captureQueues.values()) {
            for (int empty = 0; empty < 2; ) {
                List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                        .waitTimeSeconds(0)).messages();
                if (batch.isEmpty()) {
                    empty++;
                    continue;
                }
                for (Message m : batch) {
                    snsMessages.append(m.body()).append('\n');
                    messages++;
                }
                sqs.deleteMessageBatch(r -> r.queueUrl(url).entries(batch.stream().map(m ->
                        software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry.builder()
                                .id(m.messageId()).receiptHandle(m.receiptHandle()).build()).toList()));
            }
            sqs.deleteQueue(r -> r.queueUrl(url));
        }

        StringBuilder exports = new StringBuilder();
        String analytics = stack.bucket("AnalyticsBucket");
        int files = 0;
        for (var object : local().aws().s3().listObjectsV2Paginator(r -> r.bucket(analytics)).contents()) {
            byte[] bytes = local().aws().s3().getObjectAsBytes(r -> r.bucket(analytics).key(object.key())).asByteArray();
            exports.append(object.key()).append('\n')
                    .append(object.key().endsWith(".parquet") ? parquetText(bytes) : gunzipIfNeeded(bytes)).append('\n');
            files++;
        }

        Map<String, String> channels = new LinkedHashMap<>();
        channels.put("logs", logs);
        channels.put("sns", snsMessages.toString());
        channels.put("exports", exports.toString());
        channels.put("public", publicAnswers.toString());
        channels.put("agency", agencyAnswers.toString());
        channels.put("reviewers", reviewerAnswers.toString());
        System.out.printf("privacy sweep: %d cases; searched logs %,d B, SNS %,d B (%d messages on %d topics), "
                        + "exports %,d B (%d files), public answers %,d B, agency-staff answers %,d B; %d s%n",
                sweeps.size(), logs.length(), snsMessages.length(), messages, TOPICS.size(), exports.length(), files,
                publicAnswers.length(), agencyAnswers.length(), (System.nanoTime() - started) / 1_000_000_000);
        channels.forEach((channel, text) -> assertTrue(!text.isBlank(), channel + ": nothing captured"));
        assertTrue(exports.indexOf("parquet/cases/tenant=" + StackHttp.TENANT + "/month=" + period + "/cases.parquet") >= 0,
                "the local stack's conversion step left the Parquet copies in the analytics bucket");
        for (Sweep s : sweeps) {
            assertTrue(exports.indexOf(s.caseId()) >= 0 || exports.indexOf(s.trackingCode()) >= 0
                    || !"COMPLAINT".equals(s.kind()), "the export holds the complaint " + s.caseId());
        }

        List<String> leaks = new ArrayList<>();
        for (Sweep s : sweeps) {
            boolean secret = !"PUBLIC".equals(s.privacy());
            for (var channel : channels.entrySet()) {
                String text = channel.getValue().toLowerCase(Locale.ROOT);
                boolean nameFound = text.contains(s.name().toLowerCase(Locale.ROOT));
                boolean phoneFound = text.contains(s.phone().substring(1)); // 0812… and +62812… alike
                boolean checked = secret || !("sns".equals(channel.getKey()) || "agency".equals(channel.getKey())
                        || "reviewers".equals(channel.getKey()));
                if (checked && phoneFound) {
                    leaks.add(s.kind() + "/" + s.privacy() + " phone in " + channel.getKey());
                }
                if (secret && nameFound) {
                    leaks.add(s.kind() + "/" + s.privacy() + " name in " + channel.getKey());
                }
            }
        }
        assertEquals(List.of(), leaks, "reporter identities leaked");

        // positive controls: the search sees identities where policy puts them
        Sweep publicComplaint = sweeps.get(0);
        assertEquals("COMPLAINT/PUBLIC", publicComplaint.kind() + "/" + publicComplaint.privacy());
        assertTrue(snsMessages.indexOf(publicComplaint.trackingCode()) >= 0,
                "the agency alert of a PUBLIC complaint was captured (SNS capture works; it names no reporter)");
        assertTrue(agencyAnswers.indexOf(publicComplaint.phone()) >= 0,
                "the agency sees a PUBLIC reporter's phone in its case view (answer capture works)");
        assertTrue(officialAnswers.indexOf(publicComplaint.phone()) >= 0,
                "the city admin sees a PUBLIC reporter's phone (answer capture works)");
        Sweep confidentialComplaint = sweeps.get(2);
        assertEquals("COMPLAINT/CONFIDENTIAL", confidentialComplaint.kind() + "/" + confidentialComplaint.privacy());
        assertTrue(officialAnswers.indexOf(confidentialComplaint.name()) >= 0,
                "the city admin sees a CONFIDENTIAL reporter's name");

        // at rest: no reporter secret anywhere in the table; names and phones only in the contact items
        int items = 0;
        List<String> atRest = new ArrayList<>();
        for (var item : local().aws().dynamoDb().scanPaginator(r -> r.tableName(stack.physicalId("CasesTable"))).items()) {
            items++;
            String text = item.toString();
            boolean contact = item.get("pk").s().startsWith("CONTACT#");
            for (Sweep s : sweeps) {
                if (text.contains(s.submission().get("reporterSecret").asText())) {
                    atRest.add("secret of " + s.caseId() + " in " + item.get("pk").s());
                }
                if (!contact && (text.contains(s.name()) || text.contains(s.phone().substring(1)))) {
                    atRest.add("contact of " + s.caseId() + " in " + item.get("pk").s());
                }
            }
        }
        System.out.printf("privacy sweep: scanned %d table items for %d secrets and contacts%n", items, sweeps.size());
        assertTrue(items > sweeps.size() * 3, "the scan saw the cases, codes, keys and contacts: " + items);
        assertEquals(List.of(), atRest, "secrets or contacts at rest outside their place");
    }

    /** Every value of a Parquet file as text (the Parquet copies are compressed: read them, don't grep the bytes). */
    static String parquetText(byte[] bytes) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("sweep-", ".parquet");
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.Statement s = db.createStatement()) {
            java.nio.file.Files.write(file, bytes);
            StringBuilder text = new StringBuilder();
            try (java.sql.ResultSet r = s.executeQuery("SELECT * FROM read_parquet('" + file + "')")) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    for (int c = 1; c <= columns; c++) {
                        text.append(r.getMetaData().getColumnName(c)).append('=').append(r.getString(c)).append(' ');
                    }
                    text.append('\n');
                }
            }
            return text.toString();
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    private static String gunzipIfNeeded(byte[] bytes) {
        if (bytes.length > 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
