package dev.ferry.inventory.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads and writes the estate-wide facts of completed discoveries. */
@ApplicationScoped
public class DiscoveredEstateRepository implements PanacheRepositoryBase<DiscoveredEstateEntity, String> {}
