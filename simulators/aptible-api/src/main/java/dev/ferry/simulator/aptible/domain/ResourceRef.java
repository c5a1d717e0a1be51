package dev.ferry.simulator.aptible.domain;

/** Points an operation at the resource it acts on ({@code apps/3}, {@code services/7}). */
public record ResourceRef(String collection, long id) {

    public static ResourceRef app(long id) {
        return new ResourceRef("apps", id);
    }

    public static ResourceRef service(long id) {
        return new ResourceRef("services", id);
    }

    public boolean isApp() {
        return "apps".equals(collection);
    }

    public String path() {
        return "/" + collection + "/" + id;
    }
}
