package dev.ferry.notifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a subscription hears: every filter narrows, an empty filter lets everything through. */
class SubscriptionFilterTest {
    private static final Scope SHOP =
            new Scope("mig-1", "plan-1", "acme-production", Set.of("acme-shop", "acme-admin"));
    private static final Scope BLOG = new Scope("mig-2", "plan-2", "acme-production", Set.of("acme-blog"));
    private static final Scope UNKNOWN_APPS = new Scope("mig-3", "plan-3", "acme-production", Set.of());

    @Test
    void anAppsFilterKeepsOnlyMigrationsTouchingOneOfThoseApps() {
        Subscription shopOnly = subscription(Set.of(), Set.of("acme-shop"), Set.of());
        assertThat(shopOnly.wants("step-succeeded", SHOP)).isTrue();
        assertThat(shopOnly.wants("step-succeeded", BLOG)).isFalse();
        assertThat(shopOnly.wants("step-succeeded", UNKNOWN_APPS))
                .as("a migration whose apps are not known is not about acme-shop")
                .isFalse();
    }

    @Test
    void filtersCombineAndEachMustMatch() {
        Subscription narrow = subscription(Set.of("acme-staging"), Set.of("acme-shop"), Set.of());
        assertThat(narrow.wants("step-succeeded", SHOP))
                .as("right app, other environment")
                .isFalse();
        Subscription byMigration = subscription(Set.of(), Set.of(), Set.of("mig-2"));
        assertThat(byMigration.wants("step-succeeded", BLOG)).isTrue();
        assertThat(byMigration.wants("step-succeeded", SHOP)).isFalse();
        assertThat(byMigration.wants("plan-proposed", new Scope(null, "plan-2", "acme-production", Set.of())))
                .as("a plan has no migration yet, so a migration filter leaves it out")
                .isFalse();
    }

    @Test
    void kindsOutsideTheListAreNotSentAndNoFilterMeansEverything() {
        Subscription all = subscription(Set.of(), Set.of(), Set.of());
        assertThat(all.wants("step-succeeded", BLOG)).isTrue();
        assertThat(all.wants("step-started", BLOG))
                .as("opt-in kind, not in the default list")
                .isFalse();
    }

    private static Subscription subscription(Set<String> environments, Set<String> apps, Set<String> migrations) {
        return new Subscription(
                "sub-1",
                "test",
                environments,
                apps,
                migrations,
                EventKinds.DEFAULT,
                Set.of(),
                Subscription.Target.WEBHOOK,
                "#ferry",
                null,
                null,
                null,
                false);
    }
}
