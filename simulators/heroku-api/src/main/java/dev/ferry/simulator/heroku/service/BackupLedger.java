package dev.ferry.simulator.heroku.service;

import dev.ferry.simulator.heroku.config.SimulatorConfig;
import dev.ferry.simulator.heroku.domain.AddOn;
import dev.ferry.simulator.heroku.domain.App;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The PG Backups transfers captured since start or the last reset. A capture runs for the
 * configured duration, then reads as succeeded; numbers count up per app like Heroku's {@code b001}.
 */
@ApplicationScoped
public class BackupLedger {

    private final InstantSource clock;
    private final SimulatorConfig config;
    private final List<Transfer> transfers = new ArrayList<>();

    public BackupLedger(InstantSource clock, SimulatorConfig config) {
        this.clock = clock;
        this.config = config;
    }

    /** Starts a backup of the add-on's database, in the context of its billing app. */
    public synchronized Transfer capture(AddOn addOn, App app) {
        int num =
                (int) transfers.stream().filter(t -> t.appId().equals(app.id())).count() + 1;
        var now = clock.instant();
        Transfer transfer = new Transfer(
                UUID.randomUUID(),
                num,
                addOn.id(),
                addOn.name(),
                app.id(),
                addOn.data().numBytes() == null ? 0 : addOn.data().numBytes(),
                now,
                now.plus(config.backupDuration()));
        transfers.add(transfer);
        return transfer;
    }

    /** Transfers of an app, oldest first. */
    public synchronized List<Transfer> of(App app) {
        return transfers.stream().filter(t -> t.appId().equals(app.id())).toList();
    }

    /** One transfer of an app, by uuid or number. */
    public synchronized Optional<Transfer> find(App app, String uuidOrNum) {
        return of(app).stream()
                .filter(t -> t.uuid().toString().equalsIgnoreCase(uuidOrNum)
                        || Integer.toString(t.num()).equals(uuidOrNum))
                .findFirst();
    }

    public synchronized void clear() {
        transfers.clear();
    }
}
