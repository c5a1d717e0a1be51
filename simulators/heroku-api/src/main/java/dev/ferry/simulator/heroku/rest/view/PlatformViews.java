package dev.ferry.simulator.heroku.rest.view;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ferry.simulator.heroku.domain.Account;
import dev.ferry.simulator.heroku.domain.Estate;
import dev.ferry.simulator.heroku.domain.Pipeline;
import dev.ferry.simulator.heroku.domain.Team;
import java.util.List;
import java.util.UUID;

/**
 * Teams, pipelines, pipeline couplings and dyno sizes as Heroku's {@code team}, {@code pipeline},
 * {@code pipeline-coupling} and {@code dyno-size} schemas render them.
 */
public final class PlatformViews {

    private PlatformViews() {}

    /** One team as its member sees it. */
    public record TeamView(
            String createdAt,
            boolean creditCardCollections,
            @JsonProperty("default") boolean isDefault,
            Object enterpriseAccount,
            UUID id,
            Object identityProvider,
            Integer membershipLimit,
            String name,
            boolean provisionedLicenses,
            String role,
            String type,
            String updatedAt) {

        public static TeamView of(Team t, Account member) {
            return new TeamView(
                    Times.format(t.createdAt()),
                    false,
                    t.name().equals(member.defaultTeamName()),
                    null,
                    t.id(),
                    null,
                    null,
                    t.name(),
                    false,
                    "admin",
                    "team",
                    Times.format(t.createdAt()));
        }
    }

    /** One pipeline. */
    public record PipelineView(String createdAt, Ref generation, UUID id, String name, Owner owner, String updatedAt) {

        /** Who owns the pipeline. */
        public record Owner(UUID id, String type) {}

        public static PipelineView of(Pipeline p, Estate estate) {
            Owner owner = p.teamId() == null ? null : new Owner(p.teamId(), "team");
            return new PipelineView(
                    Times.format(p.createdAt()),
                    AppView.named("generation", "cedar"),
                    p.id(),
                    p.name(),
                    owner,
                    Times.format(p.createdAt()));
        }
    }

    /** One app in one pipeline stage. */
    public record CouplingView(IdRef app, String createdAt, UUID id, IdRef pipeline, String stage, String updatedAt) {

        /** An {@code {id}} reference. */
        public record IdRef(UUID id) {}

        public static CouplingView of(Pipeline.Coupling c, Pipeline p) {
            return new CouplingView(
                    new IdRef(c.appId()),
                    Times.format(p.createdAt()),
                    c.id(),
                    new IdRef(p.id()),
                    c.stage(),
                    Times.format(p.createdAt()));
        }
    }

    /** One dyno size of the catalogue. */
    public record DynoSizeView(
            String architecture,
            Double compute,
            Cost cost,
            boolean dedicated,
            Ref generation,
            UUID id,
            double memory,
            String name,
            double preciseDynoUnits,
            boolean privateSpaceOnly) {

        /** Price per unit of time. */
        public record Cost(int cents, String unit) {}

        static DynoSizeView of(
                String name, double compute, double memory, boolean dedicated, boolean space, int cents) {
            return new DynoSizeView(
                    "amd64",
                    compute,
                    new Cost(cents, "month"),
                    dedicated,
                    AppView.named("generation", "cedar"),
                    UUID.nameUUIDFromBytes(("dyno-size:" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    memory,
                    name,
                    compute,
                    space);
        }

        /** Heroku's Cedar dyno sizes: memory in GB, compute as Heroku states it. */
        public static final List<DynoSizeView> CATALOGUE = List.of(
                of("eco", 1, 0.5, false, false, 0),
                of("basic", 1, 0.5, false, false, 700),
                of("standard-1X", 1, 0.5, false, false, 2500),
                of("standard-2X", 4, 1, false, false, 5000),
                of("performance-M", 12, 2.5, true, false, 25000),
                of("performance-L", 50, 14, true, false, 50000),
                of("performance-L-RAM", 24, 30, true, false, 50000),
                of("performance-XL", 50, 62, true, false, 75000),
                of("private-S", 4, 1, false, true, 0),
                of("private-M", 12, 2.5, false, true, 0),
                of("private-L", 50, 14, true, true, 0),
                of("shield-S", 4, 1, false, true, 0),
                of("shield-M", 12, 2.5, false, true, 0),
                of("shield-L", 50, 14, true, true, 0));
    }
}
