package dev.ferry.planner.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The plan version of each migration that copies a database. */
@ApplicationScoped
public class MeasuredMigrationRepository implements PanacheRepositoryBase<MeasuredMigrationEntity, String> {}
