package dev.ferry.simulator.heroku.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Checks which {@code Accept} headers count as Heroku API version 3. */
class AcceptHeaderTest {

    @Test
    void acceptsVersion3AndItsVariants() {
        assertThat(AcceptHeader.acceptsVersion3("application/vnd.heroku+json; version=3"))
                .isTrue();
        assertThat(AcceptHeader.acceptsVersion3("application/vnd.heroku+json;version=3.sdk"))
                .isTrue();
        assertThat(AcceptHeader.acceptsVersion3("Application/VND.Heroku+JSON; Version=\"3\""))
                .isTrue();
        assertThat(AcceptHeader.acceptsVersion3("application/json, application/vnd.heroku+json; version=3.filters"))
                .isTrue();
    }

    @Test
    void rejectsEverythingElse() {
        assertThat(AcceptHeader.acceptsVersion3(null)).isFalse();
        assertThat(AcceptHeader.acceptsVersion3("application/json")).isFalse();
        assertThat(AcceptHeader.acceptsVersion3("application/vnd.heroku+json")).isFalse();
        assertThat(AcceptHeader.acceptsVersion3("application/vnd.heroku+json; version=2"))
                .isFalse();
        assertThat(AcceptHeader.acceptsVersion3("application/vnd.heroku+json; version=3."))
                .isFalse();
        assertThat(AcceptHeader.acceptsVersion3("application/vnd.heroku+json; version=33"))
                .isFalse();
    }
}
