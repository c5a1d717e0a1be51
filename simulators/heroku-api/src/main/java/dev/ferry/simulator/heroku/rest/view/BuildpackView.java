package dev.ferry.simulator.heroku.rest.view;

/** One entry of {@code GET /apps/{app}/buildpack-installations}. */
public record BuildpackView(int ordinal, AppView.BuildpackRef buildpack) {

    /** A registry name such as {@code heroku/ruby} or a URL, as Heroku reports both. */
    static AppView.BuildpackRef ref(String nameOrUrl) {
        if (nameOrUrl.startsWith("http")) {
            return new AppView.BuildpackRef(nameOrUrl, nameOrUrl);
        }
        return new AppView.BuildpackRef(
                nameOrUrl, "https://buildpack-registry.s3.amazonaws.com/buildpacks/" + nameOrUrl + ".tgz");
    }

    public static BuildpackView of(int ordinal, String nameOrUrl) {
        return new BuildpackView(ordinal, ref(nameOrUrl));
    }
}
