package dev.ferry.planner.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.planner.Estates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizingRuleTest {

    @ParameterizedTest(name = "{0} -> {1} MB, profile {2}")
    @CsvSource({
        "standard-1x, 512, m",
        "standard-2x, 1024, m",
        "basic, 512, m",
        "eco, 512, m",
        "performance-m, 4096, m",
        "performance-l, 15360, m",
        "performance-l-ram, 30720, r",
        "performance-xl, 153600, m",
        "private-s, 1024, m",
        "shield-m, 4096, m",
        "Standard-2X, 1024, m"
    })
    void dynoMemoryRoundsUpToTheNearestAptibleSize(String dyno, int mb, String profile) {
        SizingRule.Container container = SizingRule.container(Estates.shop("d", "a"), dyno);
        assertThat(container.containerSizeMb()).isEqualTo(mb);
        assertThat(container.profile()).isEqualTo(profile);
        assertThat(container.review()).isNull();
        assertThat(container.reason()).contains(dyno).contains(mb + " MB");
    }

    @ParameterizedTest
    @CsvSource({"0.5, 512", "0.6, 1024", "1, 1024", "2.5, 4096", "7, 7168", "8, 15360", "240, 245760", "999, 245760"})
    void roundingNeverGoesBelowTheDynosMemory(double gb, int mb) {
        assertThat(SizingRule.roundUp(gb)).isEqualTo(mb);
    }

    @ParameterizedTest
    @CsvSource({"mystery-9x", "''"})
    void anUnknownSizeIsNotGuessed(String dyno) {
        SizingRule.Container container = SizingRule.container(Estates.shop("d", "a"), dyno);
        assertThat(container.containerSizeMb()).isNull();
        assertThat(container.review()).contains("was not discovered");
    }

    @ParameterizedTest
    @CsvSource({"standard-1x, 512", "performance-l, 15360"})
    void theInventorysDynoSizesWin(String dyno, int mb) {
        var estate = Estates.estate("d", "a", "acc", java.util.List.of(), java.util.List.of(), java.util.List.of());
        assertThat(SizingRule.container(estate, dyno).containerSizeMb()).isEqualTo(mb);
        assertThat(SizingRule.container(estate, dyno).reason()).contains("the inventory's dyno sizes");
    }
}
