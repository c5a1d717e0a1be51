package dev.ferry.planner.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Remembers each discovery's scope. */
@ApplicationScoped
public class DiscoveryScopeRepository implements PanacheRepositoryBase<DiscoveryScopeEntity, String> {}
