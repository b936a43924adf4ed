package id.laporwarga.domain.roster;

import id.laporwarga.domain.auth.Role;
import id.laporwarga.domain.error.DomainException;
import id.laporwarga.domain.error.ErrorCode;
import id.laporwarga.domain.error.LocalizedText;
import id.laporwarga.domain.port.OfficialAccounts;
import id.laporwarga.domain.port.OfficialAccounts.Medium;
import id.laporwarga.domain.port.RosterStore;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.domain.geo.TenantAreas;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Imports a tenant's whole RT roster (the city admin's file): every row is validated against the tenant's kelurahan
 * boundaries first, and any wrong row rejects the whole import (nothing stored). Then, against the stored roster:
 * new RTs are added, changed rows update their RT, RTs missing from the file are deactivated (never deleted, so
 * their history and scores stay), and re-importing the same file changes nothing. Each RT head named in a row gets
 * a sign-in account (role RT_HEAD, area = the rtId) with an invitation by e-mail, or by SMS when the row has only a
 * phone number; a head replaced by another person (a lost phone, a new head) has the old account disabled and the new
 * one invited. The RT's reports and scores belong to the RT, never to the person.
 */
public final class RosterImport {
    public static final int MAX_ROWS = 20_000;
    private static final Pattern RT_ID = Pattern.compile("[A-Za-z0-9.\\-_]{1,48}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,3}");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+\\-]{1,64}@[A-Za-z0-9.\\-]{1,190}\\.[A-Za-z]{2,24}");
    private static final Pattern PHONE = Pattern.compile("(\\+62|62|0)8[0-9]{7,12}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final RosterStore store;
    private final OfficialAccounts accounts;

    public RosterImport(RosterStore store, OfficialAccounts accounts) {
        this.store = store;
        this.accounts = accounts;
    }

    /** What an import did: RT counts and the sign-in accounts invited, disabled, enabled or failed (retried later). */
    public record Outcome(String tenantId, long version, int rows, int created, int updated, int unchanged,
                          int deactivated, int active, Accounts accounts) {
    }

    public record Accounts(int invited, int disabled, int enabled, int failed) {
    }

    public Outcome run(Tenant tenant, List<RosterRow> rows) {
        Map<String, RosterEntry> wanted = validate(tenant, rows);
        Map<String, RosterEntry> current = new LinkedHashMap<>();
        for (RosterEntry e : store.list(tenant.id())) {
            current.put(e.rtId(), e);
        }
        Map<String, Head> heads = heads(tenant, rows);
        Tally tally = new Tally();
        List<RosterEntry> changed = new ArrayList<>();
        for (RosterEntry want : wanted.values()) {
            RosterEntry had = current.get(want.rtId());
            RtHead head = reconcileHead(had == null ? RtHead.NONE : had.head(), heads.get(want.rtId()), tenant, want,
                    true, tally);
            RosterEntry next = want.withHead(head);
            if (had == null) {
                tally.created++;
                changed.add(next);
            } else if (!next.samePlaceAs(had) || !next.head().equals(had.head())) {
                tally.updated++;
                changed.add(next);
            } else {
                tally.unchanged++;
            }
        }
        for (RosterEntry had : current.values()) {
            boolean accountLeft = had.head().status() == RtHead.Status.INVITED; // e.g. a disable that failed before
            if (wanted.containsKey(had.rtId()) || (!had.active() && !accountLeft)) {
                continue;
            }
            if (had.active()) {
                tally.deactivated++;
            }
            RosterEntry next = had.withActive(false)
                    .withHead(reconcileHead(had.head(), null, tenant, had, false, tally));
            if (!next.equals(had)) {
                changed.add(next);
            }
        }
        RosterStore.Summary before = store.summary(tenant.id());
        int all = (int) current.keySet().stream().filter(id -> !wanted.containsKey(id)).count() + wanted.size();
        RosterStore.Summary after = new RosterStore.Summary(tenant.id(),
                changed.isEmpty() ? before.version() : before.version() + 1, all, wanted.size());
        if (!changed.isEmpty()) {
            store.save(tenant.id(), changed, after);
        }
        return new Outcome(tenant.id(), after.version(), rows.size(), tally.created, tally.updated, tally.unchanged,
                tally.deactivated, wanted.size(),
                new Accounts(tally.invited, tally.disabled, tally.enabled, tally.failed));
    }

    /** The head a row names: the account's user name and how to invite. */
    private record Head(String username, String name, String email, String phone, Medium medium) {
    }

    private static final class Tally {
        int created, updated, unchanged, deactivated, invited, disabled, enabled, failed;
    }

    /** Brings the account of one RT to what the roster says, and returns the head to store. */
    private RtHead reconcileHead(RtHead had, Head want, Tenant tenant, RosterEntry rt, boolean active, Tally tally) {
        boolean sameHolder = want != null && want.username().equals(had.username());
        if (had.hasAccount() && had.status() == RtHead.Status.INVITED && (!sameHolder || !active)) {
            try {
                accounts.disable(had.username()); // replaced, removed, or the RT was deactivated
                tally.disabled++;
                had = new RtHead(had.username(), had.medium(), RtHead.Status.DISABLED);
            } catch (OfficialAccounts.AccountsUnavailableException e) {
                tally.failed++; // still INVITED: the next import disables it
                return had;
            }
        }
        if (want == null || !active) {
            return had.username() == null ? RtHead.NONE : had;
        }
        if (sameHolder && had.status() == RtHead.Status.INVITED) {
            return had;
        }
        if (sameHolder && had.status() == RtHead.Status.DISABLED) {
            try {
                accounts.enable(had.username()); // the RT is back, with the same head
                tally.enabled++;
                return new RtHead(had.username(), had.medium(), RtHead.Status.INVITED);
            } catch (OfficialAccounts.AccountsUnavailableException e) {
                tally.failed++; // still DISABLED: the next import enables it
                return had;
            }
        }
        try {
            accounts.invite(new OfficialAccounts.Invitation(want.username(), Role.RT_HEAD, tenant.id(), rt.rtId(),
                    want.name(), want.email(), want.phone(), want.medium()));
            tally.invited++;
            return new RtHead(want.username(), want.medium(), RtHead.Status.INVITED);
        } catch (OfficialAccounts.AccountsUnavailableException e) {
            tally.failed++;
            return new RtHead(want.username(), want.medium(), RtHead.Status.FAILED);
        }
    }

    // ------------------------------------------------------------------ validation

    /** Every row checked; all problems reported at once as VALIDATION_FAILED with {@code rows[<line>].<field>}. */
    private Map<String, RosterEntry> validate(Tenant tenant, List<RosterRow> rows) {
        Errors errors = new Errors();
        if (rows.isEmpty()) {
            throw DomainException.validation(Map.of("rows", LocalizedText.of(
                    "daftar RT kosong: minimal satu baris", "the roster is empty: at least one row")));
        }
        if (rows.size() > MAX_ROWS) {
            throw DomainException.validation(Map.of("rows", LocalizedText.of(
                    "maksimal " + MAX_ROWS + " baris", "at most " + MAX_ROWS + " rows")));
        }
        // the tenant's area names and codes only: the polygons (a file in S3) are never loaded for a roster
        Map<String, TenantAreas.Area> kelurahan = new HashMap<>();
        Map<String, TenantAreas.Area> kecamatan = new HashMap<>();
        tenant.areas().kelurahan().forEach(a -> kelurahan.put(a.code(), a));
        tenant.areas().kecamatan().forEach(a -> kecamatan.put(a.code(), a));
        Map<String, RosterEntry> out = new LinkedHashMap<>();
        Map<String, Integer> places = new HashMap<>();
        Map<String, Integer> contacts = new HashMap<>();
        for (RosterRow row : rows) {
            String at = "rows[" + row.line() + "].";
            String rtId = trim(row.rtId());
            if (rtId == null) {
                errors.add(at + "rtId", "wajib diisi", "is required");
            } else if (!RT_ID.matcher(rtId).matches()) {
                errors.add(at + "rtId", "format tidak valid (huruf, angka, . - _; maksimal 48)",
                        "invalid format (letters, digits, . - _; at most 48)");
            } else if (out.containsKey(rtId)) {
                errors.add(at + "rtId", "rtId ganda: sudah ada di baris sebelumnya", "duplicate rtId: already in an earlier row");
            }
            String number = number(row.number(), at + "rt", errors);
            String rw = number(row.rw(), at + "rw", errors);
            String kel = trim(row.kelurahanCode());
            TenantAreas.Area k = kel == null ? null : kelurahan.get(kel);
            if (kel == null) {
                errors.add(at + "kelurahanCode", "wajib diisi", "is required");
            } else if (k == null) {
                errors.add(at + "kelurahanCode", "kode kelurahan/desa tidak ada di batas wilayah " + tenant.name(),
                        "no kelurahan/desa with this code in the boundaries of " + tenant.name());
            }
            if (k != null && number != null && rw != null) {
                Integer first = places.putIfAbsent(kel + "/" + rw + "/" + number, row.line());
                if (first != null) {
                    errors.add(at + "rt", "RT " + number + " / RW " + rw + " sudah ada di baris " + first,
                            "RT " + number + " / RW " + rw + " is already in line " + first);
                }
            }
            Head head = head(tenant, row, at, errors);
            if (head != null) {
                Integer first = contacts.putIfAbsent(head.username(), row.line());
                if (first != null) {
                    errors.add(at + (head.medium() == Medium.EMAIL ? "headEmail" : "headPhone"),
                            "ketua RT yang sama sudah ada di baris " + first + " (satu akun untuk satu RT)",
                            "the same head is already in line " + first + " (one account per RT)");
                }
            }
            if (rtId != null && k != null && number != null && rw != null && !out.containsKey(rtId)) {
                TenantAreas.Area kec = kecamatan.get(k.kecamatanCode());
                out.put(rtId, new RosterEntry(tenant.id(), rtId, number, rw, k.kecamatanCode(),
                        kec == null ? null : kec.name(), k.code(), k.name(), true, RtHead.NONE));
            }
        }
        errors.throwIfAny();
        return out;
    }

    private Map<String, Head> heads(Tenant tenant, List<RosterRow> rows) {
        Map<String, Head> out = new HashMap<>();
        for (RosterRow row : rows) {
            Head h = head(tenant, row, "", new Errors());
            if (h != null) {
                out.put(trim(row.rtId()), h);
            }
        }
        return out;
    }

    /** The head of a row (null when the row names nobody): e-mail invitation if an address is given, else SMS. */
    private static Head head(Tenant tenant, RosterRow row, String at, Errors errors) {
        String name = trim(row.headName());
        String email = trim(row.headEmail());
        String phone = trim(row.headPhone());
        if (name != null && (name.length() > 100 || CONTROL.matcher(name).find())) {
            errors.add(at + "headName", "maksimal 100 karakter tanpa karakter kontrol",
                    "at most 100 characters, no control characters");
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(at + "headEmail", "alamat e-mail tidak valid", "not a valid e-mail address");
            email = null;
        }
        String e164 = null;
        if (phone != null) {
            String digits = phone.replaceAll("[\\s-]", "");
            if (!PHONE.matcher(digits).matches()) {
                errors.add(at + "headPhone", "nomor ponsel Indonesia tidak valid (contoh 081234567890)",
                        "not a valid Indonesian mobile number (e.g. 081234567890)");
            } else {
                e164 = "+62" + digits.replaceFirst("^(\\+62|62|0)", "");
            }
        }
        if (email != null) {
            return new Head(email.toLowerCase(Locale.ROOT), name, email.toLowerCase(Locale.ROOT), e164, Medium.EMAIL);
        }
        if (e164 != null) {
            return new Head(smsUsername(tenant.id(), e164), name, null, e164, Medium.SMS);
        }
        return null;
    }

    /**
     * The user name of a head invited by SMS. The officials' user pool signs in with e-mail addresses (its
     * {@code UsernameAttributes} cannot change without replacing the pool), so a phone-only head gets an address in
     * the reserved {@code .invalid} domain that names the phone and tenant; the SMS invitation shows it.
     */
    public static String smsUsername(String tenantId, String e164Phone) {
        return e164Phone.substring(1) + "." + tenantId.toLowerCase(Locale.ROOT) + "@sms.invalid";
    }

    private static String number(String value, String field, Errors errors) {
        String v = trim(value);
        if (v == null) {
            errors.add(field, "wajib diisi", "is required");
            return null;
        }
        if (!NUMBER.matcher(v).matches() || Integer.parseInt(v) == 0) {
            errors.add(field, "nomor 1 sampai 999", "a number from 1 to 999");
            return null;
        }
        return String.format(Locale.ROOT, "%03d", Integer.parseInt(v));
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Per-row problems, in line order, at most {@link #MAX_REPORTED} of them. */
    private static final class Errors {
        static final int MAX_REPORTED = 200;
        final Map<String, LocalizedText> fields = new LinkedHashMap<>();

        void add(String field, String id, String en) {
            if (fields.size() < MAX_REPORTED) {
                fields.putIfAbsent(field, LocalizedText.of(id, en));
            }
        }

        void throwIfAny() {
            if (!fields.isEmpty()) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, LocalizedText.of(
                        "Daftar RT tidak valid; tidak ada yang disimpan. Perbaiki baris yang disebut lalu kirim ulang.",
                        "The roster is not valid; nothing was stored. Fix the rows named and send it again."),
                        fields);
            }
        }
    }
}
