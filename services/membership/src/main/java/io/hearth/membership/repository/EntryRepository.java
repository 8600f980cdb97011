package io.hearth.membership.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.membership.domain.Entry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EntryRepository implements PanacheRepositoryBase<Entry, String> {
}
