package id.laporwarga.local.e2e;

import static id.laporwarga.local.e2e.SharedDevStack.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.laporwarga.local.DevStack;
import id.laporwarga.local.DevStackOptions;
import id.laporwarga.local.privacy.StackHttp;
import id.laporwarga.testkit.SamplePoints;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15 on the whole local stack, over HTTP (every request and answer checked against docs/openapi.json): report
 * classes without place or photo screened and answered, whistle-blowing visibility, the agency's "bukan wewenang", a
 * question to the reporter answered with the secret, duplicates merged into one master counted once with its
 * reporters, and a staff-filed report with its channel in the stats.
 */
@Tag("emulator")
@Timeout(180)
@ExtendWith(SharedDevStack.class)
class IntakeE2EIT {
    final LaporApi api = new LaporApi(local());
    final String desk = api.token("CITY_ADMIN", null);

    static Map<String, Object> withoutPlace(String category, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "COMPLAINT");
        body.put("category", category);
        body.put("tenantId", LaporApi.TENANT);
        body.put("channel", "WEB");
        body.put("description", description);
        return body;
    }

    JsonNode caseView(String caseId, String token) {
        HttpResponse<String> r = api.call("GET", "/v1/cases/" + caseId, token, null);
        assertEquals(200, r.statusCode(), r.body());
        return LaporApi.json(r);
    }

    /**
     * An official's action on the version just read; a 409 while the platform updates the case (alert deliveries) is
     * retried, as the API tells clients to.
     */
    JsonNode act(String caseId, String token, Map<String, Object> command) {
        HttpResponse<String> r = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            Map<String, Object> body = new LinkedHashMap<>(command);
            body.put("expectedVersion", caseView(caseId, token).get("version").asLong());
            r = api.call("POST", "/v1/cases/" + caseId + "/actions", token, body);
            if (r.statusCode() != 409) {
                break;
            }
            LaporApi.sleep(200);
        }
        assertEquals(200, r.statusCode(), r.body());
        return LaporApi.json(r);
    }

    JsonNode stats() {
        HttpResponse<String> r = api.call("GET", "/v1/admin/stats", desk, null);
        assertEquals(200, r.statusCode(), r.body());
        return LaporApi.json(r);
    }

    static long agencyFigure(JsonNode stats, String agencyId, String figure) {
        for (JsonNode row : stats.get("agencies")) {
            if (agencyId.equals(row.get("agencyId").asText())) {
                return row.get(figure).asLong();
            }
        }
        throw new AssertionError("no row for " + agencyId + " in " + stats);
    }

    @Test
    void anAspirasiAndARequestForInformationAreFiledScreenedAndAnsweredAndWhistleBlowingIsHidden() {
        JsonNode aspirasi = api.submit(withoutPlace("SARAN", "Mohon ditambah lampu penerangan di taman kota."));
        JsonNode info = api.submit(withoutPlace("INFORMASI_PUBLIK", "Mohon informasi jadwal pengangkutan sampah."));
        for (JsonNode s : List.of(aspirasi, info)) {
            assertEquals("TRIAGE", s.get("status").asText(), s.toString());
            assertEquals(0, s.get("uploads").size());
        }
        String answer = "Pengangkutan sampah setiap Senin dan Kamis pukul 06.00 WITA.";
        JsonNode answered = act(info.get("caseId").asText(), desk, Map.of("action", "answer", "note", answer));
        assertEquals("RESOLVED", answered.get("status").asText());
        JsonNode publicView = api.publicView(info.get("trackingCode").asText());
        assertEquals("PERMINTAAN_INFORMASI", publicView.get("reportClass").asText());
        assertEquals(answer, publicView.get("answer").asText(), "the answer shows on the tracking page");
        act(aspirasi.get("caseId").asText(), desk, Map.of("action", "answer", "note", "Usulan diteruskan ke Dinas PUPR."));
        assertEquals("Usulan diteruskan ke Dinas PUPR.",
                api.publicView(aspirasi.get("trackingCode").asText()).get("answer").asText());

        Map<String, Object> whistle = withoutPlace("PERILAKU_ASN", "Petugas meminta uang untuk mempercepat izin.");
        whistle.put("privacy", "PUBLIC");
        JsonNode report = api.submit(whistle);
        String caseId = report.get("caseId").asText();
        assertTrue(api.publicView(report.get("trackingCode").asText()).get("confidential").asBoolean(),
                "always confidential");
        caseView(caseId, desk);
        for (String[] other : List.of(new String[] {"ANALYST", null}, new String[] {"KECAMATAN", "71.74.01"},
                new String[] {"AGENCY_STAFF", "dlh"})) {
            HttpResponse<String> r = api.call("GET", "/v1/cases/" + caseId, api.token(other[0], other[1]), null);
            assertEquals(403, r.statusCode(), other[0] + ": " + r.body());
        }
        HttpResponse<String> platform = api.call("GET", "/v1/cases/" + caseId,
                api.token("PLATFORM_ADMIN", null, null), null);
        assertEquals(403, platform.statusCode(), "not even the platform admin: " + platform.body());
    }

    @Test
    void bukanWewenangReturnsTheCaseToTriageAndAQuestionIsAnsweredByTheReporter() {
        JsonNode s = api.submit(withoutPlace("SARAN", "Taman kota perlu tempat sampah tambahan."));
        String caseId = s.get("caseId").asText();
        act(caseId, desk, Map.of("action", "forward", "agencyId", "dlh"));
        String dlh = api.token("AGENCY_STAFF", "dlh");
        String reason = "Bukan wewenang DLH: taman kota dikelola Dinas PUPR.";
        JsonNode back = act(caseId, dlh, Map.of("action", "handback", "note", reason));
        assertEquals("TRIAGE", back.get("status").asText());
        assertEquals(403, api.call("GET", "/v1/cases/" + caseId, dlh, null).statusCode(), "out of DLH's hands");
        JsonNode view = caseView(caseId, desk);
        JsonNode last = view.get("history").get(view.get("history").size() - 1);
        assertEquals("handback", last.get("action").asText());
        assertEquals(reason, last.get("note").asText());
        assertEquals("kominfo", view.get("agencyId").asText());
        assertTrue(view.get("clock").get("agencyMinutes").asLong() >= 0, view.toString());

        JsonNode asked = act(caseId, desk, Map.of("action", "ask", "note", "Di sudut taman sebelah mana?"));
        assertEquals("NEEDS_INFO", asked.get("status").asText());
        assertEquals("Di sudut taman sebelah mana?", api.publicView(s.get("trackingCode").asText()).get("question").asText());
        String path = "/v1/reports/" + s.get("trackingCode").asText() + "/reply";
        assertEquals(403, api.call("POST", path, null, Map.of("secret", "salah", "answer", "Dekat air mancur.")).statusCode());
        HttpResponse<String> reply = api.call("POST", path, null,
                Map.of("secret", s.get("reporterSecret").asText(), "answer", "Dekat air mancur, sisi utara."));
        assertEquals(200, reply.statusCode(), reply.body());
        assertEquals("TRIAGE", LaporApi.json(reply).get("status").asText(), "the case resumes at the desk");
    }

    @Test
    void threeReportsWithin50mBecomeOneMasterWithTwoSupportersCountedOnceWithThreeReporters() {
        double[] p = SamplePoints.named("Biga").latLon();
        String description = "Usulan " + UUID.randomUUID().toString().substring(0, 6) + ": bangku taman rusak.";
        List<JsonNode> reports = new ArrayList<>();
        for (double dLat : new double[] {0, 0.00018, 0.00036}) { // 0, 20 and 40 m north
            Map<String, Object> body = withoutPlace("SARAN", description);
            body.put("location", Map.of("lat", p[0] + dLat, "lon", p[1]));
            reports.add(api.submit(body));
        }
        String master = reports.get(0).get("caseId").asText();
        assertTrue(reports.get(2).get("possibleDuplicates").toString()
                .contains(reports.get(0).get("trackingCode").asText()), "offered on submission");
        JsonNode offered = caseView(reports.get(1).get("caseId").asText(), desk).get("duplicates");
        assertTrue(offered.toString().contains(master), "offered at triage: " + offered);
        for (JsonNode supporter : reports.subList(1, 3)) {
            JsonNode merged = act(supporter.get("caseId").asText(), desk, Map.of("action", "merge", "masterCaseId", master));
            assertEquals("MERGED", merged.get("status").asText());
        }
        assertEquals(3, caseView(master, desk).get("reporters").asInt());

        JsonNode before = stats();
        act(master, desk, Map.of("action", "forward", "agencyId", "dlh"));
        JsonNode after = stats();
        assertEquals(agencyFigure(before, "dlh", "received") + 1, agencyFigure(after, "dlh", "received"),
                "the agency gets one case");
        assertEquals(agencyFigure(before, "dlh", "reporters") + 3, agencyFigure(after, "dlh", "reporters"),
                "with three reporters");
        JsonNode supporterView = api.publicView(reports.get(2).get("trackingCode").asText());
        assertEquals("ROUTED", supporterView.get("status").asText(), "the supporter follows the master");
        assertEquals(reports.get(0).get("trackingCode").asText(), supporterView.get("mergedInto").asText());
        assertEquals(2, supporterView.get("supporters").asInt(), "the master's two supporters");
    }

    @Test
    void aStaffFiledReportRecordsTheStaffMemberAndTheChannelAndStatsBreakDownByChannel() {
        long phoneBefore = stats().get("byChannel").get("PHONE").asLong();
        Map<String, Object> body = withoutPlace("SARAN", "Warga menelepon: lampu taman kota padam sejak kemarin.");
        body.put("channel", "PHONE");
        assertEquals(401, api.call("POST", "/v1/staff/reports", null, body,
                "Idempotency-Key", UUID.randomUUID().toString()).statusCode());
        assertEquals(403, api.call("POST", "/v1/staff/reports", api.token("ANALYST", null), body,
                "Idempotency-Key", UUID.randomUUID().toString()).statusCode());
        HttpResponse<String> filed = api.call("POST", "/v1/staff/reports", desk, body,
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, filed.statusCode(), filed.body());
        JsonNode view = caseView(LaporApi.json(filed).get("caseId").asText(), desk);
        assertEquals("PHONE", view.get("channel").asText());
        assertEquals("city_admin-e2e", view.get("filedBy").asText());
        assertEquals(phoneBefore + 1, stats().get("byChannel").get("PHONE").asLong());
    }

    /**
     * An unanswered question closes the report after the tenant's NEEDS_INFO working days (5 in the sample tenant),
     * through the tenant's escalation job, with the reporter's notice: on a stack of its own, whose clock is moved
     * ({@code POST /_local/clock}), so no other test's deadlines move.
     */
    @Test
    @Timeout(300)
    void anUnansweredQuestionClosesTheReportOnceTheLocalClockPassesTheTenantsDays() {
        try (DevStack own = DevStack.start(DevStackOptions.forTests().stackName("intake-"
                + UUID.randomUUID().toString().substring(0, 6)))) {
            StackHttp http = new StackHttp(own);
            String admin = http.token("CITY_ADMIN", null);
            String digits = String.format("%08d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000));
            Map<String, Object> body = withoutPlace("SARAN", "Mohon pohon tumbang di taman kota segera ditangani.");
            body.put("reporter", Map.of("name", "Warga Uji", "phone", "0813" + digits));
            JsonNode s = http.submit(body, null);
            String caseId = s.get("caseId").asText();
            JsonNode view = http.caseView(admin, caseId);
            StackHttp.expect(200, http.call("POST", "/v1/cases/" + caseId + "/actions", admin,
                    StackHttp.actionBody(view.get("version").asLong(), "ask", "Di taman sebelah mana?")));
            String code = s.get("trackingCode").asText();
            assertEquals("NEEDS_INFO", http.publicView(code).get("status").asText());

            http.escalateNow(); // before the days pass: nothing
            StackHttp.sleep(3000);
            assertEquals("NEEDS_INFO", http.publicView(code).get("status").asText());
            // 5 working days: past them whatever the weekday (weekends and the sample tenant's holidays included)
            JsonNode clock = StackHttp.expect(200, http.call("POST", "/_local/clock", null, Map.of("advance", "P12D")));
            assertEquals("PT288H", clock.get("offset").asText());
            http.escalateNow();
            JsonNode closed = http.awaitStatus(code, "CLOSED", java.time.Duration.ofSeconds(60));
            JsonNode last = closed.get("history").get(closed.get("history").size() - 1);
            assertEquals("CLOSED", last.get("status").asText(), closed.toString());
            String e164 = "+62813" + digits;
            boolean told = false;
            for (int i = 0; i < 300 && !told; i++) {
                for (JsonNode sms : StackHttp.expect(200, http.call("GET", "/_local/messages", null, null)).get("sms")) {
                    told |= e164.equals(sms.get("phoneNumber").asText())
                            && sms.get("message").asText().contains(code)
                            && sms.get("message").asText().contains("pertanyaan petugas tidak dijawab");
                }
                StackHttp.sleep(200);
            }
            assertTrue(told, "the reporter is told in Indonesian that the unanswered report was closed");
        }
    }
}
