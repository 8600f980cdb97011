package io.hearth.content.service;


import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.content.domain.BroadcastSettings;
import io.hearth.content.mapping.BroadcastSettingsView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The daily broadcast cap each owner sets for members reached through the communities they own (default
 * {@value BroadcastSettings#DEFAULT_DAILY_CAP}). Anyone signed in may set theirs: it applies only where they are the
 * owner, and follows them to every community they own or come to own.
 */
@ApplicationScoped
public class BroadcastSettingsService {
    private static final String UPSERT = "insert into broadcast_settings (owner_id, daily_cap, updated_at)"
            + " values (:owner, :cap, now()) on conflict (owner_id) do update set daily_cap = excluded.daily_cap,"
            + " updated_at = excluded.updated_at";

    @WithSession
    public Uni<BroadcastSettingsView> get(String ownerId) {
        return Panache.getSession().chain(s -> s.find(BroadcastSettings.class, ownerId))
                .map(settings -> new BroadcastSettingsView(settings == null ? BroadcastSettings.DEFAULT_DAILY_CAP
                        : settings.dailyCap));
    }

    @WithTransaction
    public Uni<BroadcastSettingsView> set(String ownerId, int dailyCap) {
        return Panache.getSession().chain(s -> s.createNativeQuery(UPSERT).setParameter("owner", ownerId)
                .setParameter("cap", dailyCap).executeUpdate())
                .replaceWith(new BroadcastSettingsView(dailyCap));
    }
}
