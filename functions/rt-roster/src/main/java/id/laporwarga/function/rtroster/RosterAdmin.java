package id.laporwarga.function.rtroster;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.laporwarga.domain.roster.RosterImport;
import id.laporwarga.domain.roster.RosterRow;
import id.laporwarga.domain.tenant.Tenant;
import id.laporwarga.platform.log.JsonLog;
import id.laporwarga.platform.tenant.TenantResolver;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.List;

/** What the roster route does: import the rows into the tenant's roster (validated against its boundaries). */
@Singleton
public class RosterAdmin {
    private static final JsonLog LOG = JsonLog.get(RosterAdmin.class);

    private final TenantResolver tenants;
    private final RosterImport rosterImport;

    public RosterAdmin(TenantResolver tenants, RosterImport rosterImport) {
        this.tenants = tenants;
        this.rosterImport = rosterImport;
    }

    /** The answer: the roster's version and what changed, and the RT heads' accounts. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Imported(String tenant, long version, int rows, int created, int updated, int unchanged,
                           int deactivated, int active, Accounts accounts) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Accounts(int invited, int disabled, int enabled, int failed) {
    }

    public Imported importRoster(String tenantId, List<RosterRow> rows) {
        Tenant tenant = tenants.require(tenantId);
        RosterImport.Outcome done = rosterImport.run(tenant, rows);
        RosterImport.Accounts a = done.accounts();
        JsonLog.put("tenant", tenant.id());
        LOG.info("roster.imported", "version", done.version(), "rows", done.rows(), "created", done.created(),
                "updated", done.updated(), "deactivated", done.deactivated(), "invited", a.invited(),
                "disabled", a.disabled(), "failed", a.failed());
        return new Imported(tenant.id(), done.version(), done.rows(), done.created(), done.updated(), done.unchanged(),
                done.deactivated(), done.active(), new Accounts(a.invited(), a.disabled(), a.enabled(), a.failed()));
    }
}
