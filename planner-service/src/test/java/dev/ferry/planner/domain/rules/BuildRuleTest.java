package dev.ferry.planner.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.planner.Estates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildRuleTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "heroku/ruby | ruby | ''",
                "heroku/nodejs | node | ''",
                "https://github.com/heroku/heroku-buildpack-python | python | ''",
                "heroku/java | java | ''",
                "heroku/gradle | java | ''",
                "heroku/go | go | ''",
                "heroku/php | php | ''",
                "heroku/nodejs,heroku/ruby | ruby | node",
                "heroku/ruby,heroku/nodejs | node | ruby"
            })
    void theLastLanguageBuildpackDecides(String buildpacks, String language, String extra) {
        var app = Estates.app("x").buildpacks(buildpacks.split(",")).build();
        BuildRule.Build build = BuildRule.detect(app);
        assertThat(build.language()).isEqualTo(language);
        assertThat(String.join(",", build.extraLanguages())).isEqualTo(extra);
        assertThat(build.review()).isNull();
        assertThat(build.defaultVersion()).isNotBlank();
        assertThat(build.reason()).contains("not in the inventory");
    }

    @Test
    void buildpacksWithoutADockerfileEquivalentAreFlagged() {
        var app = Estates.app("x")
                .buildpacks("heroku-community/apt", "heroku/python")
                .build();
        BuildRule.Build build = BuildRule.detect(app);
        assertThat(build.language()).isEqualTo("python");
        assertThat(build.review()).contains("heroku-community/apt");
    }

    @Test
    void undiscoveredOrEmptyBuildpacksLeaveTheLanguageUnknown() {
        assertThat(BuildRule.detect(Estates.app("x").noBuildpacks().build()).review())
                .contains("not discovered");
        BuildRule.Build none = BuildRule.detect(Estates.app("x").buildpacks().build());
        assertThat(none.language()).isNull();
        assertThat(none.review()).contains("detected the language at build time");
    }
}
