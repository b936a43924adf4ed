package id.laporwarga.local.web;

import static id.laporwarga.local.e2e.SharedDevStack.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.laporwarga.local.e2e.SharedDevStack;
import id.laporwarga.local.privacy.StackHttp;
import id.laporwarga.testkit.SamplePoints;
import id.laporwarga.testkit.TaggedPhotos;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web app in a real browser (headless Chromium on a 360 px phone screen, Selenium 4) against the whole local
 * stack, each person in a browser session of their own: a citizen's report from the form to the tracking page with a
 * photo and the phone's location; an RT head's activity report through kelurahan, kecamatan and city review; an
 * agency official resolving a complaint (and a stale version answered with "data sudah diubah petugas lain") and
 * the citizen reading the agency's note; the public ranking and area map; a report made offline sent once when the
 * network returns. Every page passes axe-core (no serious or critical violation); screenshots of each step are in
 * target/web-screenshots/. Page budgets: {@link PageBudgetIT}.
 */
@Tag("emulator")
@Timeout(300)
@ExtendWith(SharedDevStack.class)
class WebAppIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final double[] KOBO_BESAR = SamplePoints.named("Kobo Besar").latLon();

    @BeforeAll
    static void browserPresent() {
        Browser.requireChromium();
    }

    /** The citizen's form: kind, category, description, a photo file, the phone's location, privacy; then send. */
    static String reportFromTheForm(Browser citizen, String category, String description, Path photo) {
        citizen.go("/lapor.html").locatedAt(KOBO_BESAR);
        citizen.assertAccessible("lapor.html");
        citizen.choose("#category", category);
        citizen.type("#description", description);
        citizen.find("#photo").sendKeys(photo.toAbsolutePath().toString());
        citizen.click("#use-location");
        citizen.waitFor(d -> !citizen.find("#lat").getAttribute("value").isEmpty());
        citizen.visible("#map .leaflet-marker-icon");
        assertEquals(KOBO_BESAR[0], Double.parseDouble(citizen.find("#lat").getAttribute("value")), 1e-5);
        citizen.click("input[name=privacy][value=ANONYMOUS]");
        citizen.screenshot("form-filled");
        citizen.click("#report-form button[type=submit]");
        return citizen.visible("#sent .tracking-code").getText();
    }

    @Test
    void aCitizenReportsWithAPhotoAndALocationAndTracksIt() {
        try (Browser citizen = Browser.open(local().baseUrl(), "citizen")) {
            citizen.go("/").screenshot("home");
            citizen.assertAccessible("index.html");
            Path photo = TaggedPhotos.temporaryFile(TaggedPhotos.nikonTakenAnHourAgo(KOBO_BESAR), ".jpg");
            String code = reportFromTheForm(citizen, "SAMPAH",
                    "Sampah menumpuk di depan pasar sejak tiga hari, dilaporkan dari browser.", photo);
            assertTrue(code.matches("KOT-[A-Z0-9]{4}-[A-Z0-9]{4}"), code);
            citizen.screenshot("sent");
            citizen.click("#track-link");
            citizen.waitForText("#report", code);
            // the photo's GPS is checked in the background: the tracking page shows the case routed to DLH
            new StackHttp(local()).awaitStatus(code, "ROUTED", Duration.ofSeconds(20));
            citizen.go("/lacak.html?kode=" + code);
            citizen.waitFor(d -> "ROUTED".equals(citizen.attribute("#status", "data-status")));
            String page = citizen.find("#report").getText();
            assertTrue(page.contains("Terverifikasi") && page.contains("Diteruskan ke instansi"), page);
            citizen.screenshot("tracking");
            citizen.assertAccessible("lacak.html");
            // English on request
            citizen.click("#lang-switch");
            citizen.waitForText("h1", "Track a report");
            citizen.waitForText("#status", "Routed to agency");
            citizen.screenshot("tracking-en");
            citizen.click("#lang-switch");
        }
    }

    /**
     * The picker follows the category's class: a request for information takes no place and no photo (both steps
     * hidden), an aspirasi may go without them; it is filed through the web channel and screened by the triage desk.
     */
    @Test
    void anAspirasiIsSentWithoutLocationOrPhotoAndTheRequestForInformationHidesBothSteps() {
        try (Browser citizen = Browser.open(local().baseUrl(), "citizen-aspirasi")) {
            citizen.go("/lapor.html");
            citizen.waitFor(d -> citizen.all("#category option").size() > 1);
            citizen.choose("#category", "INFORMASI_PUBLIK");
            citizen.waitFor(d -> !citizen.find("#location-field").isDisplayed() && !citizen.find("#photo-field").isDisplayed());
            assertTrue(citizen.find("#category-class").getText().contains("Permintaan informasi"),
                    citizen.find("#category-class").getText());
            citizen.choose("#category", "SARAN");
            citizen.waitFor(d -> citizen.find("#location-field").isDisplayed() && citizen.find("#photo-field").isDisplayed());
            citizen.type("#description", "Usul: taman kota diberi bangku dan lampu, dikirim dari browser tanpa foto.");
            citizen.screenshot("aspirasi-filled");
            citizen.assertAccessible("lapor.html aspirasi");
            citizen.click("#report-form button[type=submit]");
            String code = citizen.visible("#sent .tracking-code").getText();
            JsonNode view = new StackHttp(local()).publicView(code);
            assertEquals("TRIAGE", view.get("status").asText(), view.toString());
            assertEquals("ASPIRASI", view.get("reportClass").asText(), view.toString());
        }
    }

    @Test
    void anOfficialResolvesAComplaintAndTheCitizenSeesTheNote() {
        StackHttp api = new StackHttp(local());
        try (Browser citizen = Browser.open(local().baseUrl(), "resolved-citizen");
             Browser official = Browser.open(local().baseUrl(), "dlh-official")) {
            Path photo = TaggedPhotos.temporaryFile(TaggedPhotos.nikonTakenAnHourAgo(KOBO_BESAR), ".jpg");
            String code = reportFromTheForm(citizen, "SAMPAH",
                    "Tumpukan sampah di selokan dekat masjid, mohon diangkut.", photo);
            api.awaitStatus(code, "ROUTED", Duration.ofSeconds(20));

            signIn(official, "AGENCY_STAFF", "dlh", "/petugas.html");
            String caseLink = "#inbox a[data-tracking='" + code + "']";
            official.visible(caseLink);
            official.screenshot("inbox");
            official.assertAccessible("petugas.html (inbox)");
            official.click(caseLink);
            official.waitForText("#case-body", code);
            official.visible("#case-map .leaflet-marker-icon");
            official.visible("#case-body img.photo");
            official.screenshot("case");
            official.assertAccessible("petugas.html (case)");
            act(official, "acknowledge", null, "ACKNOWLEDGED");

            // another official acts first: this browser's version is stale
            String caseId = (String) official.js("return document.querySelector(\"#inbox tr[data-case] a[data-tracking='"
                    + code + "']\").closest('tr').dataset.case");
            api.act(api.token("AGENCY_STAFF", "dlh"), caseId, "start", null);
            official.choose("#action", "resolve");
            official.click("#action-form button[type=submit]");
            official.waitForText("#action-status", "Data sudah diubah petugas lain");
            official.screenshot("conflict");
            official.click("#reload-case");
            official.waitFor(d -> "IN_PROGRESS".equals(official.attribute("#case-status", "data-status")));
            act(official, "resolve", "Sampah sudah diangkut truk DLH pagi ini.", "RESOLVED");
            official.screenshot("resolved");

            citizen.go("/lacak.html?kode=" + code);
            citizen.waitForText("#resolution-note", "Sampah sudah diangkut truk DLH pagi ini.");
            assertTrue(citizen.find("#history").getText().contains("Selesai ditindaklanjuti"));
            citizen.visible("#reporter-actions #confirm");
            citizen.screenshot("note-seen");
            citizen.click("#confirm");
            citizen.waitFor(d -> "CLOSED".equals(citizen.attribute("#status", "data-status")));
            citizen.screenshot("closed");
        }
    }

    @Test
    void anRtActivityReportClimbsFourTiersInTheirOwnBrowsersAndShowsInTheScore() {
        String rtId = "71.74.02.1008-RT002";
        String period = YearMonth.now(ZoneId.of("Asia/Makassar")).toString();
        String code;
        try (Browser rtHead = Browser.open(local().baseUrl(), "rt-head")) {
            signIn(rtHead, "RT_HEAD", rtId, "/rt.html");
            rtHead.waitForText("#who", rtId);
            rtHead.locatedAt(KOBO_BESAR);
            rtHead.assertAccessible("rt.html");
            rtHead.choose("#category", "GOTONG_ROYONG");
            rtHead.type("#description", "Kerja bakti membersihkan selokan RT bersama warga, Minggu pagi.");
            Path photo = TaggedPhotos.temporaryFile(TaggedPhotos.nikonTakenAnHourAgo(KOBO_BESAR), ".jpg");
            rtHead.find("#photo").sendKeys(photo.toAbsolutePath().toString());
            rtHead.click("#use-location");
            rtHead.waitFor(d -> !rtHead.find("#lon").getAttribute("value").isEmpty());
            rtHead.screenshot("activity-form");
            rtHead.click("#report-form button[type=submit]");
            code = rtHead.visible("#sent .tracking-code").getText();
            rtHead.screenshot("activity-sent");
        }
        new StackHttp(local()).awaitStatus(code, "KELURAHAN_REVIEW", Duration.ofSeconds(20));
        approve("kelurahan", "KELURAHAN", "71.74.02.1008", code, "KECAMATAN_REVIEW");
        approve("kecamatan", "KECAMATAN", "71.74.02", code, "CITY_REVIEW");
        approve("city-admin", "CITY_ADMIN", null, code, "APPROVED");

        new StackHttp(local()).scoreNow(period);
        try (Browser rtHead = Browser.open(local().baseUrl(), "rt-head-score")) {
            signIn(rtHead, "RT_HEAD", rtId, "/rt.html");
            String score = rtHead.waitForText("#score", "Skor");
            assertTrue(rtHead.find("#breakdown").getText().contains("Laporan kegiatan disetujui"), score);
            assertFalse(rtHead.find("#score-value").getText().startsWith("Skor 0 "), "the approved activity counts: "
                    + score);
            rtHead.screenshot("score");
        }
    }

    @Test
    void thePublicSeesTheRankingAndTheAreaMap() {
        String period = YearMonth.now(ZoneId.of("Asia/Makassar")).toString();
        new StackHttp(local()).scoreNow(period);
        try (Browser visitor = Browser.open(local().baseUrl(), "public")) {
            visitor.go("/publik.html");
            visitor.choose("#period", period);
            visitor.click("#public-form button[type=submit]");
            visitor.waitFor(d -> visitor.all("#ranking tbody tr").size() > 10);
            visitor.waitFor(d -> visitor.attribute("#area-map", "data-areas") != null);
            int circles = Integer.parseInt(visitor.attribute("#area-map", "data-areas"));
            assertTrue(circles > 10, "a circle per kelurahan: " + circles);
            assertTrue(visitor.all("#area-map .leaflet-marker-icon").isEmpty(), "no single point on the map");
            assertTrue(visitor.find("#ranking").getText().contains("71.74.02.1007-RT001"));
            // agency performance, a row per agency of the tenant
            visitor.waitFor(d -> visitor.find("#agencies").getText().contains("Lingkungan Hidup"));
            visitor.screenshot("ranking-and-map");
            visitor.assertAccessible("publik.html");
            visitor.go("/masuk.html").assertAccessible("masuk.html");
        }
    }

    @Test
    void aReportMadeOfflineIsSentOnceWhenTheNetworkReturns() throws Exception {
        try (Browser citizen = Browser.open(local().baseUrl(), "offline-citizen")) {
            citizen.go("/lapor.html").locatedAt(KOBO_BESAR);
            citizen.waitFor(d -> citizen.all("#category option").size() > 1);
            String description = "Lampu jalan mati di gang sempit, dibuat tanpa sinyal " + UUID.randomUUID();
            citizen.choose("#category", "SAMPAH");
            citizen.type("#description", description);
            Path photo = TaggedPhotos.temporaryFile(TaggedPhotos.nikonTakenAnHourAgo(KOBO_BESAR), ".jpg");
            citizen.find("#photo").sendKeys(photo.toAbsolutePath().toString());
            citizen.click("#use-location");
            citizen.waitFor(d -> !citizen.find("#lat").getAttribute("value").isEmpty());

            citizen.offline(true);
            citizen.click("#report-form button[type=submit]");
            citizen.waitForText("#form-status", "Tidak ada sinyal");
            citizen.visible("#outbox-list li[data-state=queued]");
            citizen.screenshot("queued-offline");
            Thread.sleep(3000);
            assertEquals(1, citizen.all("#outbox-list li[data-state=queued]").size(), "still waiting, kept on the phone");
            String key = citizen.attribute("#outbox-list li", "data-key");

            citizen.offline(false);
            String code = citizen.visible("#sent .tracking-code").getText();
            citizen.waitFor(d -> citizen.all("#outbox-list li").isEmpty());
            citizen.screenshot("sent-when-online");

            JsonNode sent = JSON.readTree((String) citizen.js("return localStorage.getItem('lapor.sent')")).get(0);
            assertEquals(key, sent.get("key").asText(), "the Idempotency-Key made when the report was made");
            assertEquals(code, sent.get("trackingCode").asText());
            // the same key and body again: the same case, replayed (one case for the key)
            HttpResponse<String> replay = new StackHttp(local()).call("POST", "/v1/reports", null, sent.get("body"),
                    "Idempotency-Key", key);
            assertEquals(List.of("true"), replay.headers().allValues("Idempotent-Replayed"), replay.body());
            assertEquals(code, JSON.readTree(replay.body()).get("trackingCode").asText());
            assertEquals(1, CaseItems.countWithDescription(local(), description), "exactly one case was made");
        }
    }

    static void signIn(Browser browser, String role, String area, String next) {
        browser.go("/masuk.html?next=" + next);
        browser.choose("#role", role);
        browser.type("#signin-tenant", "kotamobagu");
        if (area != null) {
            browser.type("#area", area);
        }
        browser.click("#local-form button[type=submit]");
        browser.waitFor(d -> d.getCurrentUrl().endsWith(next));
        browser.visible("#sign-out");
    }

    static void act(Browser official, String action, String note, String expectedStatus) {
        official.choose("#action", action);
        if (note != null) {
            official.type("#action-note", note);
        }
        official.click("#action-form button[type=submit]");
        official.waitFor(d -> expectedStatus.equals(official.attribute("#case-status", "data-status")));
    }

    /** One tier's official approves the case in a browser of their own. */
    static void approve(String person, String role, String area, String code, String expectedStatus) {
        try (Browser official = Browser.open(local().baseUrl(), person)) {
            signIn(official, role, area, "/petugas.html");
            official.click("#inbox a[data-tracking='" + code + "']");
            official.waitForText("#case-body", code);
            official.screenshot("case");
            act(official, "approve", null, expectedStatus);
            official.screenshot("approved");
        }
    }
}
