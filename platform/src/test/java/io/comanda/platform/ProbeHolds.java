package io.comanda.platform;

import io.comanda.platform.retention.RetainedTable;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The probe application's own retained table, declared the way a service declares one. */
@Singleton
public class ProbeHolds {

    @Produces
    @Singleton
    RetainedTable expiredHolds() {
        return RetainedTable.expiring("probe_hold", "expires_at");
    }
}
