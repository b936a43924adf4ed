package id.laporwarga.local.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.laporwarga.local.DevStack;
import id.laporwarga.local.DevStackOptions;
import id.laporwarga.local.privacy.StackHttp;
import id.laporwarga.testkit.RepositoryFiles;
import id.laporwarga.testkit.SamplePoints;
import id.laporwarga.testkit.TaggedPhotos;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * People in the loop, on a local stack of its own (its clock is moved, so it shares it with no other test): the RT
 * step of a service request is due in 15 minutes and escalated once the clock passes it, and the service-times view
 * reports each tier; the triage desk's staff act
 * on triage cases; pickers offer only the categories of their kind; the sample tenant is subscribed as its
 * {@code PUT} subscribes it.
 */
@Tag("emulator")
@Timeout(300)
class PeopleInTheLoopIT {
    static final String KELURAHAN = "71.74.02.1007";
    static final Duration STEP = Duration.ofSeconds(60);

    static DevStack local;
    static StackHttp http;

    @BeforeAll
    static void start() {
        local = DevStack.start(DevStackOptions.forTests().stackName("people-"
                + UUID.randomUUID().toString().substring(0, 6)));
        http = new StackHttp(local);
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            local.close();
        }
    }

    @Test
    void aServiceRequestsRtStepIsDueIn15MinutesAndEscalatedOnceTheClockPassesIt() {
        String rtId = KELURAHAN + "-RT001";
        String rtHead = http.token("RT_HEAD", rtId);
        JsonNode submitted = http.submit(StackHttp.report("SERVICE_REQUEST", "SURAT_DOMISILI",
                SamplePoints.named("Motoboi Besar").latLon(), "PUBLIC", rtId, null, null), null);
        String caseId = submitted.get("caseId").asText();
        JsonNode atRt = http.caseView(rtHead, caseId);
        assertEquals("RT_APPROVAL", atRt.get("status").asText(), atRt.toString());
        Instant created = Instant.parse(atRt.get("createdAt").get("utc").asText());
        Instant due = Instant.parse(atRt.get("deadlineAt").get("utc").asText());
        assertEquals(Duration.ofMinutes(15), Duration.between(created, due), atRt.toString());
        assertFalse(atRt.get("overdue").asBoolean());

        // the escalation run before the deadline changes nothing
        http.escalateNow();
        StackHttp.sleep(3000); // the job's run through the escalation jobs queue
        assertFalse(http.caseView(rtHead, caseId).get("overdue").asBoolean());

        JsonNode clock = StackHttp.expect(200, http.call("POST", "/_local/clock", null, Map.of("advance", "PT16M")));
        assertEquals("PT16M", clock.get("offset").asText());
        http.escalateNow();
        JsonNode overdue = http.caseView(rtHead, caseId);
        for (int i = 0; i < 150 && !overdue.get("overdue").asBoolean(); i++) {
            StackHttp.sleep(200); // the job's run through the escalation jobs queue
            overdue = http.caseView(rtHead, caseId);
        }
        assertTrue(overdue.get("overdue").asBoolean(), overdue.toString());
        assertEquals("RT_APPROVAL", overdue.get("status").asText());

        // the RT head still approves it, on the moved clock: the next tier's deadline counts from there
        JsonNode approved = http.act(rtHead, caseId, "approve", null);
        assertEquals("KELURAHAN_PROCESSING", approved.get("status").asText());
        Instant nextDue = Instant.parse(approved.get("deadlineAt").get("utc").asText());
        assertTrue(nextDue.isAfter(Instant.now().plus(Duration.ofMinutes(16 + 29))), approved.toString());

        // the kelurahan issues it; the service-times view reports each tier it went through and the 16+ minutes
        JsonNode issued = http.act(http.token("KELURAHAN", KELURAHAN), caseId, "issue", null);
        assertEquals("KECAMATAN_ISSUED", issued.get("status").asText(), issued.toString());
        JsonNode times = StackHttp.expect(200, http.call("GET", "/v1/admin/service-times?tenant=kotamobagu",
                http.token("CITY_ADMIN", null), null));
        JsonNode tiers = times.get("tiers");
        for (String tier : List.of("RT_APPROVAL", "KELURAHAN_PROCESSING")) {
            assertTrue(tiers.path(tier).path("count").asInt() >= 1, tier + " in " + times);
        }
        assertTrue(times.get("endToEnd").get("count").asInt() >= 1, times.toString());
        assertTrue(times.get("endToEnd").get("medianMinutes").asDouble() >= 16, times.toString());
    }

    @Test
    void theClockOnlyMovesForwardAndSaysSo() {
        assertEquals(400, http.call("POST", "/_local/clock", null, Map.of("advance", "-PT1H")).statusCode());
        assertEquals(400, http.call("POST", "/_local/clock", null, Map.of("advance", "besok")).statusCode());
        JsonNode now = StackHttp.expect(200, http.call("GET", "/_local/clock", null, null));
        assertTrue(Instant.parse(now.get("now").asText()).isAfter(Instant.now().minusSeconds(5)));
    }

    @Test
    void theTriageDesksStaffSeeTriageCasesAndForwardThem() {
        JsonNode submitted = complaint("LAINNYA", SamplePoints.named("Kobo Besar").latLon(), "PUBLIC", null);
        String trackingCode = submitted.get("trackingCode").asText();
        String caseId = submitted.get("caseId").asText();
        http.awaitStatus(trackingCode, "TRIAGE", STEP);

        String kominfo = http.token("AGENCY_STAFF", "kominfo");
        JsonNode inbox = StackHttp.expect(200, http.call("GET", "/v1/inbox", kominfo, null));
        JsonNode mine = null;
        for (JsonNode c : inbox.get("items")) {
            if (caseId.equals(c.get("caseId").asText())) {
                mine = c;
            }
        }
        assertTrue(mine != null, "the triage case is in Kominfo's inbox: " + inbox);
        Set<String> actions = new HashSet<>();
        mine.get("actions").forEach(a -> actions.add(a.asText()));
        // the desk screens as LAPOR! admins do: forward, reroute, reject, and the intake moves (answer, ask the
        // reporter, merge a duplicate)
        assertEquals(Set.of("forward", "reroute", "reject", "answer", "ask", "merge"), actions, mine.toString());
        // another agency's staff neither see it nor act on it
        String dishub = http.token("AGENCY_STAFF", "dishub");
        assertEquals(403, http.call("GET", "/v1/cases/" + caseId, dishub, null).statusCode());

        JsonNode current = http.caseView(kominfo, caseId);
        Map<String, Object> forward = new java.util.LinkedHashMap<>(StackHttp.actionBody(
                current.get("version").asLong(), "forward", "Sampah: diteruskan ke DLH."));
        forward.put("category", "SAMPAH");
        JsonNode forwarded = StackHttp.expect(200, http.call("POST", "/v1/cases/" + caseId + "/actions", kominfo,
                forward));
        assertEquals("ROUTED", forwarded.get("status").asText(), forwarded.toString());
        assertEquals("dlh", forwarded.path("assignment").path("agencyId").asText(), forwarded.toString());
    }

    @Test
    void pickersOfferOnlyTheCategoriesOfTheirKind() {
        Map<String, Set<String>> byKind = new java.util.HashMap<>();
        for (String kind : List.of("COMPLAINT", "RT_ACTIVITY", "SERVICE_REQUEST")) {
            JsonNode list = StackHttp.expect(200, http.call("GET", "/v1/tenants/kotamobagu/categories?kind=" + kind,
                    null, null));
            Set<String> codes = new HashSet<>();
            list.get("items").forEach(c -> codes.add(c.get("code").asText()));
            byKind.put(kind, codes);
        }
        assertTrue(byKind.get("COMPLAINT").containsAll(List.of("SAMPAH", "PARKIR_LIAR", "LISTRIK_PLN")));
        for (String kind : List.of("RT_ACTIVITY", "SERVICE_REQUEST")) {
            for (String complaintOnly : List.of("SAMPAH", "KETERTIBAN_UMUM", "PARKIR_LIAR", "JALAN_RUSAK", "AIR_PDAM",
                    "LISTRIK_PLN")) {
                assertFalse(byKind.get(kind).contains(complaintOnly), kind + " offers " + complaintOnly);
            }
        }
        assertTrue(byKind.get("RT_ACTIVITY").contains("GOTONG_ROYONG"));
        assertTrue(byKind.get("SERVICE_REQUEST").contains("SURAT_DOMISILI"));
        assertEquals(400, http.call("GET", "/v1/tenants/kotamobagu/categories?kind=PARKIR", null, null).statusCode());
    }

    @Test
    void theSampleTenantIsSubscribedAsItsPutSubscribesIt() {
        String topic = local.stack().physicalId("AgencyAlertsTopic");
        List<String> endpoints = new ArrayList<>();
        for (Subscription s : local.aws().sns().listSubscriptionsByTopicPaginator(r -> r.topicArn(topic))
                .subscriptions()) {
            if (!s.subscriptionArn().startsWith("arn:")) {
                endpoints.add(s.protocol() + ":" + s.endpoint()); // an e-mail awaiting its confirmation
                continue;
            }
            String policy = local.aws().sns().getSubscriptionAttributes(r -> r.subscriptionArn(s.subscriptionArn()))
                    .attributes().get("FilterPolicy");
            if (policy != null && policy.contains("\"kotamobagu\"")) {
                endpoints.add(s.protocol() + ":" + s.endpoint());
            }
        }
        assertTrue(endpoints.containsAll(List.of("email:dlh@kotamobagu.go.id", "email:kominfo@kotamobagu.go.id",
                "email:pengaduan.up3kotamobagu@pln.example")), endpoints.toString());
    }

    @Test
    void aReporterWhoLeftAPhoneAndAnEMailGetsTheNoticesByBothInTheirLanguageAndAnAnonymousOneNone() {
        double[] kobo = SamplePoints.named("Kobo Besar").latLon();
        String digits = String.format("%08d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000));
        String phone = "0813-" + digits.substring(0, 4) + "-" + digits.substring(4);
        String e164 = "+62813" + digits;
        String mail = "warga." + digits + "@example.com";
        String englishMail = "resident." + digits + "@example.com";
        String englishPhone = "+62812" + digits;
        JsonNode withPhone = complaint("SAMPAH", kobo, "PUBLIC", Map.of("name", "Warga Uji", "phone", phone,
                "email", mail));
        JsonNode inEnglish = complaint("SAMPAH", kobo, "PUBLIC", Map.of("phone", englishPhone, "email", englishMail,
                "language", "en"));
        JsonNode anonymous = complaint("SAMPAH", kobo, "ANONYMOUS", null);
        JsonNode referred = complaint("LISTRIK_PLN", kobo, "PUBLIC", Map.of("phone", "0813" + digits.substring(1)
                + "9"));
        http.awaitStatus(withPhone.get("trackingCode").asText(), "ROUTED", STEP);
        http.awaitStatus(anonymous.get("trackingCode").asText(), "ROUTED", STEP);
        http.awaitStatus(inEnglish.get("trackingCode").asText(), "ROUTED", STEP);
        http.awaitStatus(referred.get("trackingCode").asText(), "REFERRED_EXTERNAL", STEP);

        String dlh = http.token("AGENCY_STAFF", "dlh");
        for (JsonNode c : List.of(withPhone, anonymous, inEnglish)) {
            http.act(dlh, c.get("caseId").asText(), "acknowledge", null);
            http.act(dlh, c.get("caseId").asText(), "start", null);
        }
        List<String> toReporter = awaitSms(e164, 2);
        String code = withPhone.get("trackingCode").asText();
        assertEquals(2, toReporter.size(), toReporter.toString());
        assertTrue(toReporter.get(0).contains(code) && toReporter.get(0).contains("Diterima"), toReporter.toString());
        assertTrue(toReporter.get(1).contains("Sedang"), toReporter.toString());
        // the same two notices by e-mail, in Indonesian
        List<JsonNode> mails = awaitEmails(mail, code, 2);
        assertEquals(2, mails.size(), mails.toString());
        assertTrue(mails.get(0).get("body").asText().contains("Diterima"), mails.toString());
        assertTrue(mails.get(1).get("body").asText().contains("Sedang"), mails.toString());
        assertEquals("Lapor Warga: laporan " + code, mails.get(0).get("subject").asText());
        // the city admin sees the contact the reporter left, e-mail included (it lives only in the contact item)
        JsonNode contact = http.caseView(http.token("CITY_ADMIN", null), withPhone.get("caseId").asText())
                .get("reporter");
        assertEquals(mail, contact.path("email").asText(), contact.toString());
        assertEquals("Warga Uji", contact.path("name").asText(), contact.toString());
        // the English report: SMS and e-mail in English
        String englishCode = inEnglish.get("trackingCode").asText();
        List<String> englishSms = awaitSms(englishPhone, 2);
        assertEquals(2, englishSms.size(), englishSms.toString());
        assertTrue(englishSms.get(0).contains(englishCode) && englishSms.get(0).contains("is now \"Acknowledged"),
                englishSms.toString());
        List<JsonNode> englishMails = awaitEmails(englishMail, englishCode, 2);
        assertEquals(2, englishMails.size(), englishMails.toString());
        assertEquals("Lapor Warga: report " + englishCode, englishMails.get(0).get("subject").asText());
        assertTrue(englishMails.get(1).get("body").asText().contains("is now \"In progress"), englishMails.toString());
        List<String> referral = awaitSms("+62813" + digits.substring(1) + "9", 1);
        assertTrue(referral.get(0).contains("dirujuk ke PT PLN"), referral.toString());
        // the anonymous reporter left nothing: no message names its tracking code
        String anonymousCode = anonymous.get("trackingCode").asText();
        for (JsonNode sms : sentMessages().get("sms")) {
            assertFalse(sms.get("message").asText().contains(anonymousCode), sms.toString());
        }
        for (JsonNode email : sentMessages().get("email")) {
            assertFalse(email.get("subject").asText().contains(anonymousCode), email.toString());
        }
    }

    /**
     * A PDAM complaint is referred: the institution's address in the tenant document gets exactly one e-mail (SES
     * {@code SendEmail}, recorded by the emulator) naming the tracking code and no reporter, also for an anonymous
     * reporter; the tracking page shows the institution's contact and advice.
     */
    @Test
    void aReferralIsEMailedOnceToTheInstitutionAndTheTrackingPageShowsItsContact() {
        JsonNode referred = complaint("AIR_PDAM", SamplePoints.named("Kobo Besar").latLon(), "ANONYMOUS", null);
        String code = referred.get("trackingCode").asText();
        JsonNode view = http.awaitStatus(code, "REFERRED_EXTERNAL", STEP);

        List<JsonNode> mails = awaitEmails("pengaduan@pdam-kotamobagu.example", code, 1);
        StackHttp.sleep(3000); // and no second one (a redelivered routing event, the sweeper)
        mails = awaitEmails("pengaduan@pdam-kotamobagu.example", code, 1);
        assertEquals(1, mails.size(), mails.toString());
        JsonNode mail = mails.get(0);
        assertTrue(mail.get("subject").asText().contains("Rujukan laporan warga " + code), mail.toString());
        assertTrue(mail.get("body").asText().contains("Gangguan Air Bersih (PDAM)"), mail.toString());
        assertEquals("lapor@lapor.example.go.id", mail.get("source").asText());

        JsonNode referral = view.get("referral");
        assertEquals("Perumda Air Minum Kotamobagu", referral.get("institution").asText(), view.toString());
        assertTrue(referral.get("contact").asText().contains("pengaduan@pdam-kotamobagu.example"), view.toString());
        assertTrue(referral.get("advice").asText().startsWith("Hubungi PDAM"), view.toString());
        JsonNode english = StackHttp.expect(200, http.call("GET", "/v1/reports/" + code, null, null,
                "Accept-Language", "en"));
        assertTrue(english.get("referral").get("advice").asText().startsWith("Contact PDAM"), english.toString());
    }

    /**
     * The agency resolves two complaints with a note and an "after" photo (GPS-tagged, uploaded to the action's
     * presigned PUT): the public one's tracking page carries the note and a short-lived link to the photo's
     * EXIF-stripped copy (downloaded: no GPS); the CONFIDENTIAL one's shows only its status.
     */
    @Test
    void aResolvedComplaintsTrackingPageShowsTheNoteAndTheAfterPhotoWithoutGps() throws Exception {
        double[] kobo = SamplePoints.named("Kobo Besar").latLon();
        JsonNode open = complaint("SAMPAH", kobo, "PUBLIC", null);
        JsonNode secret = complaint("SAMPAH", kobo, "CONFIDENTIAL", null);
        byte[] after = TaggedPhotos.retagInWita(RepositoryFiles.photoBytes(TaggedPhotos.NIKON), kobo,
                TaggedPhotos.anHourAgo());
        assertTrue(TaggedPhotos.hasGps(after), "the original carries GPS");
        String note = "Sampah sudah diangkut truk DLH; lokasi sudah bersih.";
        String dlh = http.token("AGENCY_STAFF", "dlh");
        for (JsonNode c : List.of(open, secret)) {
            http.awaitStatus(c.get("trackingCode").asText(), "ROUTED", STEP);
            String caseId = c.get("caseId").asText();
            http.act(dlh, caseId, "acknowledge", null);
            http.act(dlh, caseId, "start", null);
            Map<String, Object> resolve = new java.util.LinkedHashMap<>(StackHttp.actionBody(
                    http.caseView(dlh, caseId).get("version").asLong(), "resolve", note));
            resolve.put("photo", StackHttp.photo("image/jpeg", after.length));
            JsonNode resolved = StackHttp.expect(200, http.call("POST", "/v1/cases/" + caseId + "/actions", dlh,
                    resolve));
            assertEquals("RESOLVED", resolved.get("status").asText(), resolved.toString());
            com.fasterxml.jackson.databind.node.ObjectNode ticket = StackHttp.JSON.createObjectNode();
            ticket.putArray("uploads").add(resolved.get("upload"));
            http.upload(ticket, 0, after);
        }

        JsonNode view = http.awaitPublicView(open.get("trackingCode").asText(),
                v -> v.path("resolution").hasNonNull("photoUrl"), STEP);
        assertEquals(note, view.get("resolution").get("note").asText(), view.toString());
        String link = view.get("resolution").get("photoUrl").asText();
        assertTrue(link.contains("/views/") && link.contains("X-Amz-Expires=900"), link);
        java.net.http.HttpResponse<byte[]> shown = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(link)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, shown.statusCode());
        assertTrue(shown.body().length > 1000 && (shown.body()[0] & 0xff) == 0xff && (shown.body()[1] & 0xff) == 0xd8,
                "a JPEG");
        assertFalse(TaggedPhotos.hasGps(shown.body()), "the public copy carries no GPS");

        JsonNode confidential = http.publicView(secret.get("trackingCode").asText());
        Set<String> fields = new HashSet<>();
        confidential.fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("trackingCode", "status", "statusLabel", "updatedAt", "updatedAtLocal", "confidential"),
                fields, confidential.toString());
        assertEquals("RESOLVED", confidential.get("status").asText());
    }

    /** The e-mails the emulator recorded to {@code address} whose subject names {@code code} (polls up to a minute). */
    static List<JsonNode> awaitEmails(String address, String code, int count) {
        List<JsonNode> found = new ArrayList<>();
        Instant until = Instant.now().plus(STEP);
        while (Instant.now().isBefore(until)) {
            found.clear();
            for (JsonNode mail : sentMessages().get("email")) {
                boolean to = false;
                for (JsonNode a : mail.path("to")) {
                    to |= address.equals(a.asText());
                }
                if (to && mail.path("subject").asText().contains(code)) {
                    found.add(mail);
                }
            }
            if (found.size() >= count) {
                break;
            }
            StackHttp.sleep(200);
        }
        return found;
    }

    JsonNode complaint(String category, double[] at, String privacy, Map<String, Object> reporter) {
        byte[] photo = TaggedPhotos.retagInWita(RepositoryFiles.photoBytes("nikon-coolpix-p6000_gps.jpg"), at,
                TaggedPhotos.anHourAgo());
        JsonNode submitted = http.submit(StackHttp.report("COMPLAINT", category, at, privacy, null, reporter,
                List.of(StackHttp.photo("image/jpeg", photo.length))), null);
        http.upload(submitted, 0, photo);
        return submitted;
    }

    static JsonNode sentMessages() {
        return StackHttp.expect(200, http.call("GET", "/_local/messages", null, null));
    }

    /** The SMS the emulator recorded to {@code phone}, once there are {@code count} (or after a minute). */
    static List<String> awaitSms(String phone, int count) {
        List<String> texts = new ArrayList<>();
        Instant until = Instant.now().plus(STEP);
        while (Instant.now().isBefore(until)) {
            texts.clear();
            for (JsonNode sms : sentMessages().get("sms")) {
                if (phone.equals(sms.get("phoneNumber").asText())) {
                    texts.add(sms.get("message").asText());
                }
            }
            if (texts.size() >= count) {
                break;
            }
            StackHttp.sleep(200);
        }
        return texts;
    }

    /**
     * Offices following the areas of the sample tenant (an RT head, the kelurahan, the kecamatan, the city) onboarded
     * through the tenant's PUT with SQS channels; each step a case enters reaches the queue of the office acting there
     * once, and no other.
     */
    @Test
    void eachStepEntryReachesTheOfficeActingThereOnceAndNoOther() throws Exception {
        String rtId = KELURAHAN + "-RT002";
        Map<String, String> queues = new java.util.LinkedHashMap<>();
        for (String office : List.of("rt", "kel", "kec", "city")) {
            String url = local.aws().sqs().createQueue(r -> r.queueName("people-" + office + "-"
                    + UUID.randomUUID().toString().substring(0, 6))).queueUrl();
            queues.put(office, url);
        }
        com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode)
                StackHttp.JSON.readTree(id.laporwarga.emulators.SampleTenants.document("kotamobagu"));
        var agencies = (com.fasterxml.jackson.databind.node.ArrayNode) doc.get("agencies");
        Map<String, String> follows = Map.of("rt", "rt:" + rtId, "kel", "kelurahan:" + KELURAHAN,
                "kec", "kecamatan:71.74.02", "city", "city");
        for (var q : queues.entrySet()) {
            String arn = local.aws().sqs().getQueueAttributes(r -> r.queueUrl(q.getValue())
                    .attributeNamesWithStrings("QueueArn")).attributesAsStrings().get("QueueArn");
            agencies.add(StackHttp.JSON.valueToTree(Map.of("id", "office-" + q.getKey(), "name", "Kantor " + q.getKey(),
                    "channels", List.of(Map.of("type", "SQS", "endpoint", arn)),
                    "follows", List.of(follows.get(q.getKey())))));
        }
        String admin = http.token("PLATFORM_ADMIN", null);
        StackHttp.expect(200, http.call("PUT", "/v1/admin/tenants/kotamobagu", admin, doc));

        // a service request the RT head approves: the kelurahan processes it
        String rtHead = http.token("RT_HEAD", rtId);
        JsonNode request = http.submit(StackHttp.report("SERVICE_REQUEST", "SURAT_DOMISILI",
                SamplePoints.named("Motoboi Besar").latLon(), "PUBLIC", rtId, null, null), null);
        http.act(rtHead, request.get("caseId").asText(), "approve", null);
        // an RT activity report up the review chain: kelurahan -> kecamatan -> city
        double[] motoboi = SamplePoints.named("Motoboi Besar").latLon();
        byte[] photo = TaggedPhotos.retagInWita(RepositoryFiles.photoBytes("nikon-coolpix-p6000_gps.jpg"), motoboi,
                TaggedPhotos.anHourAgo());
        JsonNode activity = http.submit(StackHttp.report("RT_ACTIVITY", "GOTONG_ROYONG", motoboi, "PUBLIC", rtId, null,
                List.of(StackHttp.photo("image/jpeg", photo.length))), rtHead);
        http.upload(activity, 0, photo);
        http.awaitStatus(activity.get("trackingCode").asText(), "KELURAHAN_REVIEW", STEP);
        http.act(http.token("KELURAHAN", KELURAHAN), activity.get("caseId").asText(), "approve", null);
        http.act(http.token("KECAMATAN", "71.74.02"), activity.get("caseId").asText(), "approve", null);

        Set<String> cases = Set.of(request.get("caseId").asText(), activity.get("caseId").asText());
        Map<String, List<String>> received = drain(queues, cases, Map.of("rt", 1, "kel", 2, "kec", 1, "city", 1));
        // kelurahan: the service request's processing, and the activity's review (route-to-agency's alert of the chain)
        assertEquals(2, received.get("kel").size(), received.toString());
        assertEquals(List.of("KECAMATAN_REVIEW"), received.get("kec"), received.toString());
        assertEquals(List.of("CITY_REVIEW"), received.get("city"), received.toString());
        assertTrue(received.get("kel").containsAll(List.of("KELURAHAN_PROCESSING", "KELURAHAN_REVIEW")),
                received.toString());
        // the RT head hears of the service request as it is submitted (the submission's case event, written with the
        // case), once; the activity it filed itself asks nothing of it
        assertEquals(List.of("RT_APPROVAL"), received.get("rt"), received.toString());
    }

    /** The statuses of the alerts each queue got for {@code cases}, polling until the expected counts (or 60 s). */
    static Map<String, List<String>> drain(Map<String, String> queues, Set<String> cases, Map<String, Integer> want) {
        Map<String, List<String>> got = new java.util.LinkedHashMap<>();
        queues.keySet().forEach(k -> got.put(k, new ArrayList<>()));
        Instant until = Instant.now().plus(STEP);
        while (Instant.now().isBefore(until)) {
            for (var q : queues.entrySet()) {
                for (var m : local.aws().sqs().receiveMessage(r -> r.queueUrl(q.getValue()).maxNumberOfMessages(10)
                        .waitTimeSeconds(1)).messages()) {
                    JsonNode body;
                    try {
                        body = StackHttp.JSON.readTree(m.body());
                    } catch (java.io.IOException e) {
                        throw new AssertionError(m.body(), e);
                    }
                    if (cases.contains(body.path("caseId").asText())) {
                        got.get(q.getKey()).add(body.path("status").asText());
                    }
                    // read once: a message left in the queue would come back after its visibility timeout
                    local.aws().sqs().deleteMessage(r -> r.queueUrl(q.getValue()).receiptHandle(m.receiptHandle()));
                }
            }
            if (want.entrySet().stream().allMatch(w -> got.get(w.getKey()).size() >= w.getValue())) {
                StackHttp.sleep(2000); // and nothing more arrives
                break;
            }
        }
        for (var q : queues.entrySet()) { // a last look: nothing late
            for (var m : local.aws().sqs().receiveMessage(r -> r.queueUrl(q.getValue()).maxNumberOfMessages(10))
                    .messages()) {
                try {
                    JsonNode body = StackHttp.JSON.readTree(m.body());
                    if (cases.contains(body.path("caseId").asText())) {
                        got.get(q.getKey()).add(body.path("status").asText());
                    }
                    // read once: a message left in the queue would come back after its visibility timeout
                    local.aws().sqs().deleteMessage(r -> r.queueUrl(q.getValue()).receiptHandle(m.receiptHandle()));
                } catch (java.io.IOException e) {
                    throw new AssertionError(m.body(), e);
                }
            }
        }
        return got;
    }
}
