package id.laporwarga.domain.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.memory.MemoryRoster;
import id.laporwarga.domain.port.OfficialAccounts;
import id.laporwarga.domain.report.Fixtures;
import id.laporwarga.domain.tenant.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RosterImportTest {
    static final String KEL = "99.01.01.1001";
    final Tenant tenant = Fixtures.squareTenant();
    final MemoryRoster world = new MemoryRoster();
    final RosterImport rosterImport = new RosterImport(world, world);

    static RosterRow row(int line, String rtId, String rt, String rw, String email, String phone) {
        return new RosterRow(line, rtId, rt, rw, KEL, "Ketua " + rtId, email, phone);
    }

    static List<RosterRow> file() {
        return List.of(row(2, "KEL1-RT001", "1", "1", "budi@example.id", null),
                row(3, "KEL1-RT002", "2", "1", null, "0812 3456 7890"),
                row(4, "KEL1-RT003", "3", "2", null, null));
    }

    @Test
    void importsRtsAndInvitesTheirHeadsByEmailOrSms() {
        RosterImport.Outcome done = rosterImport.run(tenant, file());
        assertEquals(3, done.created());
        assertEquals(3, done.active());
        assertEquals(1, done.version());
        assertEquals(new RosterImport.Accounts(2, 0, 0, 0), done.accounts());

        RosterEntry rt1 = world.find("kotakecil", "KEL1-RT001").orElseThrow();
        assertEquals("001", rt1.number());
        assertEquals("001", rt1.rw());
        assertEquals("99.01.01", rt1.kecamatanCode());
        assertEquals("Kelurahan Satu", rt1.kelurahanName());
        assertEquals("Barat", rt1.kecamatanName());
        assertEquals(new RtHead("budi@example.id", OfficialAccounts.Medium.EMAIL, RtHead.Status.INVITED), rt1.head());

        OfficialAccounts.Invitation email = world.invitations.get(0);
        assertEquals(Role.RT_HEAD, email.role());
        assertEquals("kotakecil", email.tenantId());
        assertEquals("KEL1-RT001", email.area(), "the rtId is the account's area claim");
        OfficialAccounts.Invitation sms = world.invitations.get(1);
        assertEquals(OfficialAccounts.Medium.SMS, sms.medium());
        assertEquals("+6281234567890", sms.phone());
        assertEquals("6281234567890.kotakecil@sms.invalid", sms.username());
        assertEquals(RtHead.NONE, world.find("kotakecil", "KEL1-RT003").orElseThrow().head());
    }

    @Test
    void reimportingTheSameFileChangesNothing() {
        rosterImport.run(tenant, file());
        RosterImport.Outcome again = rosterImport.run(tenant, file());
        assertEquals(0, again.created() + again.updated() + again.deactivated());
        assertEquals(3, again.unchanged());
        assertEquals(1, again.version(), "no change, no new version");
        assertEquals(new RosterImport.Accounts(0, 0, 0, 0), again.accounts());
        assertEquals(2, world.invitations.size(), "nobody invited twice");
    }

    @Test
    void changedRowsUpdateRemovedRtsAreDeactivatedAndANewHeadReplacesTheOld() {
        rosterImport.run(tenant, file());
        List<RosterRow> next = List.of(
                row(2, "KEL1-RT001", "1", "3", "budi@example.id", null),             // moved to RW 003
                row(3, "KEL1-RT002", "2", "1", null, "081299998888"));               // lost phone: new holder
        RosterImport.Outcome done = rosterImport.run(tenant, next);
        assertEquals(2, done.updated());
        assertEquals(1, done.deactivated());
        assertEquals(2, done.active());
        assertEquals(new RosterImport.Accounts(1, 1, 0, 0), done.accounts());

        assertEquals("003", world.find("kotakecil", "KEL1-RT001").orElseThrow().rw());
        RosterEntry rt2 = world.find("kotakecil", "KEL1-RT002").orElseThrow();
        assertEquals("6281299998888.kotakecil@sms.invalid", rt2.head().username());
        assertFalse(world.accounts.get("6281234567890.kotakecil@sms.invalid").enabled(), "the lost phone's account");
        assertTrue(world.accounts.get("6281299998888.kotakecil@sms.invalid").enabled());
        RosterEntry rt3 = world.find("kotakecil", "KEL1-RT003").orElseThrow();
        assertFalse(rt3.active(), "deactivated, never deleted: its history and scores stay with it");
        assertFalse(world.isActive("kotakecil", "KEL1-RT003"));

        // the RT comes back, and RT 001's head leaves with her RT deactivated: her account is disabled
        RosterImport.Outcome back = rosterImport.run(tenant, List.of(row(3, "KEL1-RT002", "2", "1", null,
                "081299998888"), row(4, "KEL1-RT003", "3", "2", null, null)));
        assertEquals(1, back.deactivated());
        assertEquals(1, back.updated());
        assertFalse(world.accounts.get("budi@example.id").enabled());
        assertTrue(world.isActive("kotakecil", "KEL1-RT003"));

        // and RT 001 is back with the same head: the account is enabled again, not created twice
        RosterImport.Outcome again = rosterImport.run(tenant, List.of(row(2, "KEL1-RT001", "1", "3",
                "Budi@Example.id", null)));
        assertEquals(1, again.accounts().enabled());
        assertTrue(world.accounts.get("budi@example.id").enabled());
        assertEquals(3, world.invitations.size());
    }

    @Test
    void aFailedInvitationIsStoredAndRetriedByTheNextImport() {
        world.failingInvites.add("budi@example.id");
        RosterImport.Outcome first = rosterImport.run(tenant, file());
        assertEquals(1, first.accounts().failed());
        assertEquals(RtHead.Status.FAILED, world.find("kotakecil", "KEL1-RT001").orElseThrow().head().status());
        assertTrue(world.isActive("kotakecil", "KEL1-RT001"), "the RT is rostered all the same");

        world.failingInvites.clear();
        RosterImport.Outcome second = rosterImport.run(tenant, file());
        assertEquals(1, second.accounts().invited());
        assertEquals(RtHead.Status.INVITED, world.find("kotakecil", "KEL1-RT001").orElseThrow().head().status());
    }

    @Test
    void everyWrongRowIsReportedAndNothingIsStored() {
        List<RosterRow> rows = new ArrayList<>(file());
        rows.add(new RosterRow(5, "KEL1-RT009", "9", "1", "99.01.02.9999", null, null, null));   // no such kelurahan
        rows.add(new RosterRow(6, "KEL1-RT001", "4", "1", KEL, null, null, null));               // rtId again
        rows.add(new RosterRow(7, "bad id!", "x", "0", KEL, null, "not-an-address", "12345"));   // all wrong
        rows.add(new RosterRow(8, "KEL1-RT010", "1", "1", KEL, null, "BUDI@example.id", null));  // RT 1/RW 1 again
        DomainException e = assertThrows(DomainException.class, () -> rosterImport.run(tenant, rows));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals(List.of("rows[5].kelurahanCode", "rows[6].rtId", "rows[7].rtId", "rows[7].rt", "rows[7].rw",
                        "rows[7].headEmail", "rows[7].headPhone", "rows[8].rt", "rows[8].headEmail"),
                List.copyOf(e.fieldErrors().keySet()));
        assertTrue(e.fieldErrors().get("rows[5].kelurahanCode").in(Locale.ROOT).contains("Kota Kecil"));
        assertTrue(e.fieldErrors().get("rows[8].rt").in(Locale.ENGLISH).contains("line 2"));
        assertTrue(world.list("kotakecil").isEmpty(), "nothing stored half-way");
        assertTrue(world.invitations.isEmpty());
        assertThrows(DomainException.class, () -> rosterImport.run(tenant, List.of()), "an empty roster");
    }
}
