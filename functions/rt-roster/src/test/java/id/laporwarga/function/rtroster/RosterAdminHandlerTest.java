package id.laporwarga.function.rtroster;

import static id.laporwarga.platform.testing.HttpAnswers.assertError;
import static id.laporwarga.platform.testing.HttpAnswers.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import id.laporwarga.domain.memory.MemoryWorld;
import id.laporwarga.domain.port.OfficialAccounts;
import id.laporwarga.domain.roster.RosterEntry;
import id.laporwarga.platform.testing.MemoryContext;
import id.laporwarga.platform.testing.SampleTenant;
import id.laporwarga.testkit.HttpEvents;
import id.laporwarga.testkit.LambdaEvents;
import id.laporwarga.testkit.RepositoryFiles;
import io.micronaut.json.tree.JsonNode;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The roster route on the in-memory ports, driven by events/http-admin-roster-put.json (no emulator). */
class RosterAdminHandlerTest {
    MemoryWorld world;
    RosterAdminHandler handler;

    @BeforeEach
    void start() {
        world = new MemoryWorld(SampleTenant.kotamobagu());
        handler = new RosterAdminHandler(MemoryContext.of(world, Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        handler.close();
    }

    static HttpEvents.Builder put() {
        return HttpEvents.file("http-admin-roster-put.json");
    }

    @Test
    void theSampleCsvImportIsIdempotent() {
        APIGatewayV2HTTPEvent event = LambdaEvents.load("http-admin-roster-put.json", APIGatewayV2HTTPEvent.class);
        JsonNode first = body(handler.handleRequest(event, null), 200);
        assertEquals(3, first.get("created").getIntValue());
        assertEquals(3, first.get("active").getIntValue());
        assertEquals(1, first.get("version").getLongValue());
        assertEquals(2, first.get("accounts").get("invited").getIntValue(), "one e-mail, one SMS; RT 001 of Mogolaing has no head");
        RosterEntry mogolaing = world.roster.find("kotamobagu", "71.74.04.1003-RT001").orElseThrow();
        assertEquals("Mogolaing", mogolaing.kelurahanName());
        assertEquals("71.74.04", mogolaing.kecamatanCode());
        OfficialAccounts.Invitation sms = world.roster.invitations.get(1);
        assertEquals(OfficialAccounts.Medium.SMS, sms.medium());
        assertEquals("71.74.01.1005-RT002", sms.area());

        JsonNode again = body(handler.handleRequest(LambdaEvents.load("http-admin-roster-put.json",
                APIGatewayV2HTTPEvent.class), null), 200);
        assertEquals(3, again.get("unchanged").getIntValue());
        assertEquals(1, again.get("version").getLongValue());
        assertEquals(2, world.roster.invitations.size());
    }

    @Test
    void theWholeSampleRosterImportsAsJsonToo() {
        StringBuilder json = new StringBuilder("{\"rts\": [");
        SampleTenant.rosterRows().forEach(r -> json.append(json.length() > 9 ? "," : "").append(String.format(
                "{\"rtId\":\"%s\",\"rt\":\"%s\",\"rw\":\"%s\",\"kelurahanCode\":\"%s\"}", r.rtId(), r.number(), r.rw(),
                r.kelurahanCode())));
        JsonNode done = body(handler.handleRequest(put().header("content-type", "application/json")
                .body(json.append("]}").toString()).build(), null), 200);
        assertEquals(99, done.get("created").getIntValue());
        assertEquals(99, world.roster.list("kotamobagu").size());
        assertTrue(RepositoryFiles.text(RepositoryFiles.sampleData().resolve("kotamobagu/roster.csv"))
                .startsWith(RosterRequests.COLUMNS));
    }

    @Test
    void wrongRowsAreNamedInIndonesianOrEnglishAndNothingIsStored() {
        String csv = "rt_id,rt,rw,kelurahan_code\n71.74.01.1005-RT001,1,1,71.74.01.1005\n"
                + "71.74.99.9999-RT001,1,1,71.74.99.9999\n\"unclosed,1,1,71.74.01.1005\n";
        JsonNode id = assertError(handler.handleRequest(put().body(csv.substring(0, csv.lastIndexOf("\"unclosed")))
                .build(), null), 400, "VALIDATION_FAILED");
        assertTrue(id.get("fields").get("rows[3].kelurahanCode").getStringValue().contains("Kota Kotamobagu"));
        assertTrue(id.get("message").getStringValue().startsWith("Daftar RT tidak valid"));
        JsonNode en = assertError(handler.handleRequest(put().header("accept-language", "en")
                .body(csv.substring(0, csv.lastIndexOf("\"unclosed"))).build(), null), 400, "VALIDATION_FAILED");
        assertTrue(en.get("message").getStringValue().startsWith("The roster is not valid"));
        assertError(handler.handleRequest(put().body(csv).build(), null), 400, "VALIDATION_FAILED");
        assertError(handler.handleRequest(put().body("rt,rw\n1,1\n").build(), null), 400, "VALIDATION_FAILED");
        assertFalse(world.roster.find("kotamobagu", "71.74.01.1005-RT001").isPresent(), "nothing stored half-way");
    }

    @Test
    void onlyTheTenantsCityAdminOrAPlatformAdminMayImport() {
        assertError(handler.handleRequest(put().claims(null).build(), null), 401, "UNAUTHORIZED");
        assertError(handler.handleRequest(put().claims(HttpEvents.claims("a", "CITY_ADMIN", "other-city", null))
                .build(), null), 403, "FORBIDDEN");
        assertError(handler.handleRequest(put().claims(HttpEvents.claims("k", "KELURAHAN", "kotamobagu",
                "71.74.01.1005")).build(), null), 403, "FORBIDDEN");
        assertError(handler.handleRequest(put().header("content-type", "text/plain").build(), null), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        body(handler.handleRequest(put().claims(HttpEvents.claims("p", "PLATFORM_ADMIN", null, null)).build(), null),
                200);
        assertError(handler.handleRequest(put().claims(HttpEvents.claims("p", "PLATFORM_ADMIN", null, null))
                .pathParameter("tenantId", "nowhere").build(), null), 404, "NOT_FOUND");
    }
}
