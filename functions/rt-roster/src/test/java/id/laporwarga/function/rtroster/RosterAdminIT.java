package id.laporwarga.function.rtroster;

import static id.laporwarga.platform.testing.HttpAnswers.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.roster.RosterEntry;
import id.laporwarga.domain.roster.RtHead;
import id.laporwarga.emulators.LocalAws;
import id.laporwarga.emulators.ProvisionedStack;
import id.laporwarga.emulators.SamTemplate;
import id.laporwarga.emulators.SampleTenants;
import id.laporwarga.emulators.StackProvisioner;
import id.laporwarga.platform.FunctionEnvironment;
import id.laporwarga.platform.store.DynamoRoster;
import id.laporwarga.testkit.HttpEvents;
import id.laporwarga.testkit.RepositoryFiles;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.tree.JsonNode;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;

/**
 * The roster route with its real adapters: the roster in DynamoDB Local (DynamoRoster), the RT heads' accounts in
 * moto's Cognito user pool (CognitoOfficialAccounts), provisioned from template.yaml.
 */
@Tag("emulator")
class RosterAdminIT {
    static ProvisionedStack stack;
    static RosterAdminHandler handler;
    static DynamoRoster roster;
    static String pool;

    @BeforeAll
    static void start() {
        stack = StackProvisioner.provision(SamTemplate.load(SamTemplate.findRepositoryTemplate()),
                "roster-" + UUID.randomUUID().toString().substring(0, 8), LocalAws.shared());
        SampleTenants.onboard(stack, SampleTenants.KOTAMOBAGU);
        Map<String, String> env = stack.functionEnvironment("RosterAdminFunction");
        handler = new RosterAdminHandler(ApplicationContext.builder().singletons(new FunctionEnvironment(env)));
        roster = new DynamoRoster(stack.aws().dynamoDb(), new FunctionEnvironment(env));
        pool = env.get(FunctionEnvironment.OFFICIALS_USER_POOL_ID);
    }

    @AfterAll
    static void stop() {
        handler.close();
    }

    static JsonNode put(String csv) {
        return body(handler.handleRequest(HttpEvents.file("http-admin-roster-put.json").body(csv).build(), null), 200);
    }

    static Map<String, String> attributes(String username) {
        AdminGetUserResponse u = stack.aws().cognito().adminGetUser(r -> r.userPoolId(pool).username(username));
        Map<String, String> out = u.userAttributes().stream().collect(Collectors.toMap(a -> a.name(), a -> a.value()));
        out.put("enabled", String.valueOf(u.enabled()));
        return out;
    }

    @Test
    void theSampleRosterIsStoredAndEveryHeadGetsAnAccountWithTheRtInItsClaims() {
        String csv = RepositoryFiles.text(RepositoryFiles.sampleData().resolve("kotamobagu/roster.csv"));
        JsonNode first = put(csv);
        assertEquals(99, first.get("created").getIntValue());
        assertEquals(66, first.get("accounts").get("invited").getIntValue(), "33 by e-mail, 33 by SMS");
        assertEquals(0, first.get("accounts").get("failed").getIntValue());
        assertEquals(99, roster.list("kotamobagu").size());
        assertEquals(new DynamoRoster.Summary("kotamobagu", 1, 99, 99), roster.summary("kotamobagu"));

        RosterEntry biga = roster.find("kotamobagu", "71.74.01.1005-RT001").orElseThrow();
        assertEquals("Biga", biga.kelurahanName());
        assertEquals(RtHead.Status.INVITED, biga.head().status());
        Map<String, String> head = attributes(biga.head().username());
        assertEquals("RT_HEAD", head.get("custom:role"));
        assertEquals("kotamobagu", head.get("custom:tenant"));
        assertEquals("71.74.01.1005-RT001", head.get("custom:area"));
        Map<String, String> sms = attributes(roster.find("kotamobagu", "71.74.01.1005-RT002").orElseThrow()
                .head().username());
        assertEquals("+6281200000002", sms.get("phone_number"));
        assertEquals("71.74.01.1005-RT002", sms.get("custom:area"));

        assertEquals(0, put(csv).get("accounts").get("invited").getIntValue(), "re-import: nobody invited twice");

        // Biga's RT 001 gets a new head (a lost phone, a new person); RT 003 of Biga leaves the roster
        String next = csv.replace("rt001.biga@kotamobagu.example", "rt001.biga.baru@kotamobagu.example")
                .lines().filter(l -> !l.startsWith("71.74.01.1005-RT003")).collect(Collectors.joining("\n"));
        JsonNode changed = put(next);
        assertEquals(1, changed.get("updated").getIntValue());
        assertEquals(1, changed.get("deactivated").getIntValue());
        assertEquals(1, changed.get("accounts").get("disabled").getIntValue());
        assertEquals("false", attributes("rt001.biga@kotamobagu.example").get("enabled"), "the old holder");
        assertEquals("true", attributes("rt001.biga.baru@kotamobagu.example").get("enabled"));
        assertFalse(roster.find("kotamobagu", "71.74.01.1005-RT003").orElseThrow().active());
        assertTrue(roster.isActive("kotamobagu", "71.74.01.1005-RT001"));
        assertFalse(roster.isActive("kotamobagu", "../../CASE#x"), "a hostile id is no RT");
    }
}
