package dev.ferry.inventory;

/** The real infrastructure every inventory test runs against. */
public final class InventoryTestResources {
    public static final String DATABASE = "ferry_inventory";
    public static final String HEROKU_MODULE = "simulators/heroku-api";
    public static final String HEROKU_URL_PROPERTY = "quarkus.rest-client.heroku.url";
    public static final String TOKEN = "HRKU-00000000-0000-4000-8000-000000000001";

    private InventoryTestResources() {}
}
