package dev.ferry.simulator.aptible.domain;

/** Points an operation at the resource it acts on ({@code apps/3}, {@code databases/7}, ...). */
public record ResourceRef(String collection, long id) {

    public static ResourceRef app(long id) {
        return new ResourceRef("apps", id);
    }

    public static ResourceRef service(long id) {
        return new ResourceRef("services", id);
    }

    public static ResourceRef database(long id) {
        return new ResourceRef("databases", id);
    }

    public static ResourceRef vhost(long id) {
        return new ResourceRef("vhosts", id);
    }

    public static ResourceRef logDrain(long id) {
        return new ResourceRef("log_drains", id);
    }

    public boolean isApp() {
        return "apps".equals(collection);
    }

    public boolean is(String kind) {
        return kind.equals(collection);
    }

    public String path() {
        return "/" + collection + "/" + id;
    }
}
