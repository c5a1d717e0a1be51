package dev.ferry.inventory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How inventory-service reaches Heroku. */
@ConfigMapping(prefix = "inventory")
public interface InventoryConfig {

    Heroku heroku();

    /** The Heroku Platform API and the token that reads the estate. */
    interface Heroku {
        /** API token with read-protected access; never logged. */
        String token();

        /** Page size asked of list endpoints (Heroku allows up to 1000). */
        @WithDefault("1000")
        int pageSize();
    }
}
