package dev.ferry.planner.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.planner.Estates;
import java.util.List;
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
        assertThat(build.defaultVersion()).isNotBlank();
        assertThat(build.reason()).contains("not in the inventory");
        assertThat(build.versionAssumed()).isTrue();
        assertThat(build.versionSource()).isEqualTo("assumed");
        assertThat(build.reviews())
                .singleElement()
                .asString()
                .contains("The inventory has no " + BuildRule.label(language) + " version")
                .contains("assumes " + build.defaultVersion())
                .contains(BuildRule.declaredIn(language));
    }

    @Test
    void anAssumedVersionIsFlaggedOnTheBuildStepAndMarkedOnTheDeployStep() {
        var app = Estates.app("shop")
                .process("web", "bundle exec puma", 1, "standard-1x")
                .buildpacks("heroku/ruby")
                .build();
        var plan = Plans.plan(Estates.estate("d", "alice", "acc", List.of(app), List.of(), List.of()));
        assertThat(Plans.step(plan, "build:shop").needsReview())
                .contains("The inventory has no Ruby version: the Dockerfile assumes 3.3")
                .contains("the Gemfile's ruby directive");
        assertThat(Plans.step(plan, "deploy:shop").parameters())
                .containsEntry("languageVersion", "3.3")
                .containsEntry("languageVersionSource", "assumed");
        assertThat(Plans.step(plan, "deploy:shop").needsReview()).isNull();
    }

    @Test
    void withoutALanguageThereIsNoVersionToAssume() {
        BuildRule.Build build = BuildRule.detect(Estates.app("x").noBuildpacks().build());
        assertThat(build.versionAssumed()).isFalse();
        assertThat(build.versionSource()).isNull();
        assertThat(build.reviews()).noneMatch(r -> r.contains("version"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "heroku-php-apache2 public/ | false",
                "vendor/bin/heroku-php-apache2 web | false",
                "heroku-php-apache2 -C apache.conf public/ | true",
                "heroku-php-apache2 -i php.ini public/ | true",
                "heroku-php-nginx public/ | true",
                "php artisan serve --port $PORT | false"
            })
    void phpStartScriptOptionsThatTheImageDropsAreFlagged(String command, boolean flagged) {
        var app = Estates.app("x")
                .process("web", command, 1, "standard-1x")
                .buildpacks("heroku/php")
                .build();
        assertThat(BuildRule.detect(app).reviews().stream().anyMatch(r -> r.contains("plain Apache")))
                .isEqualTo(flagged);
    }

    @Test
    void buildpacksWithoutADockerfileEquivalentAreFlagged() {
        var app = Estates.app("x")
                .buildpacks("heroku-community/apt", "heroku/python")
                .build();
        BuildRule.Build build = BuildRule.detect(app);
        assertThat(build.language()).isEqualTo("python");
        assertThat(build.reviews()).anyMatch(r -> r.contains("heroku-community/apt"));
    }

    @Test
    void undiscoveredOrEmptyBuildpacksLeaveTheLanguageUnknown() {
        assertThat(BuildRule.detect(Estates.app("x").noBuildpacks().build()).reviews())
                .singleElement()
                .asString()
                .contains("not discovered");
        BuildRule.Build none = BuildRule.detect(Estates.app("x").buildpacks().build());
        assertThat(none.language()).isNull();
        assertThat(none.reviews()).singleElement().asString().contains("detected the language at build time");
    }
}
