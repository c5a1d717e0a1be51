package dev.ferry.inventory.service;

import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.ConfigVar;
import dev.ferry.events.inventory.ProcessType;
import dev.ferry.events.secret.SecretBox;
import dev.ferry.inventory.client.CallStats;
import dev.ferry.inventory.client.HerokuClient;
import dev.ferry.inventory.client.HerokuDtos;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Reads one Heroku app into an inventory, sealing config var values the moment they arrive. */
@ApplicationScoped
public class EstateReader {
    private final HerokuClient heroku;
    private final SecretBox secrets;

    public EstateReader(HerokuClient heroku, SecretBox secrets) {
        this.heroku = heroku;
        this.secrets = secrets;
    }

    /** The full inventory of an app; its three reads run together and add to {@code stats}. */
    public Uni<AppInventory> read(HerokuDtos.App app, CallStats stats) {
        Uni<List<HerokuDtos.Formation>> formation = heroku.formation(app.id(), stats);
        Uni<Map<String, String>> configVars = heroku.configVars(app.id(), stats);
        Uni<List<HerokuDtos.AddOn>> addons = heroku.addons(app.id(), stats);
        return Uni.combine()
                .all()
                .unis(formation, configVars, addons)
                .with((f, c, a) -> new AppInventory(
                        app.id(),
                        app.name(),
                        app.region() == null ? null : app.region().name(),
                        app.stack() == null ? null : app.stack().name(),
                        f.stream()
                                .sorted(Comparator.comparing(HerokuDtos.Formation::type))
                                .map(p -> new ProcessType(p.type(), p.command(), p.quantity(), p.size()))
                                .toList(),
                        c.entrySet().stream()
                                .sorted(Map.Entry.comparingByKey())
                                .map(e -> new ConfigVar(e.getKey(), secrets.seal(e.getValue())))
                                .toList(),
                        a.stream()
                                .sorted(Comparator.comparing(HerokuDtos.AddOn::name))
                                .map(x -> new AddOn(
                                        x.id(),
                                        x.name(),
                                        x.addonService() == null
                                                ? null
                                                : x.addonService().name(),
                                        x.plan() == null ? null : x.plan().name(),
                                        x.configVars() == null ? List.of() : x.configVars()))
                                .toList()));
    }
}
