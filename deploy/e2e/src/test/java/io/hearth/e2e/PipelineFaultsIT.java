package io.hearth.e2e;

import static io.hearth.embedded.HearthService.ACTIVITY;
import static io.hearth.embedded.HearthService.ANALYTICS;
import static io.hearth.embedded.HearthService.CONTENT;
import static io.hearth.embedded.HearthService.MEMBERSHIP;
import static io.hearth.embedded.HearthService.MONETIZATION;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.hearth.contracts.events.Topics;
import io.hearth.e2e.HearthApi.Reply;
import io.hearth.e2e.TopicRecords.Event;
import io.hearth.embedded.HearthService;
import io.hearth.embedded.HearthStack;
import io.hearth.embedded.PostgresServer;
import io.hearth.embedded.ServiceInstance;
import io.hearth.embedded.StackConfig;

/**
 * The event pipeline under faults, on the whole local stack (real PostgreSQL, Kafka, Keycloak, the five services as
 * processes), one stack for all scenarios: the broker stops while members act; a service is killed between commit
 * and publish; two instances of every service run while memberships churn; PostgreSQL restarts under load. Each
 * scenario has its own communities, and puts back what it broke even when it fails. Figures are printed, never
 * asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineFaultsIT {
    /** Generous: the stack shares two cores with the build; a healthy pipeline takes seconds at most. */
    private static final Duration EVENTUAL = Duration.ofMinutes(3);
    private static final Duration BROKER_OUTAGE = Duration.ofSeconds(20);
    private static final Duration DATABASE_OUTAGE = Duration.ofSeconds(5);
    private static final String PASSWORD = "hearth";
    /** People created in Keycloak for these tests, beside the realm's demo users; each scenario uses some. */
    private static final int PEOPLE = 16;
    private static final List<HearthService> REPLICAS = List.of(CONTENT, ACTIVITY, MONETIZATION, ANALYTICS);
    /**
     * event_log.data as a JSON object whether it was stored as one or as a JSON string holding one (what a Java
     * String bound to a jsonb parameter by the Vert.x client becomes).
     */
    private static final String DATA = "(data #>> '{}')::jsonb";

    @TempDir
    static Path state;

    private HearthStack stack;
    private final HearthApi api = new HearthApi();
    private final List<Person> people = new ArrayList<>();

    /** A signed-up person: Keycloak user name and id (the {@code sub} every service knows them by). */
    private record Person(String username, String id) {
    }

    @BeforeAll
    void startStack() {
        long started = System.nanoTime();
        stack = HearthStack.start(StackConfig.defaults(HearthStack.findRepositoryRoot()).withStateDir(state)
                .withFreePorts());
        figure("whole stack started", started);
        for (int i = 1; i <= PEOPLE; i++) {
            String username = String.format("fault-%02d", i);
            people.add(new Person(username, stack.keycloak().createUser(username, PASSWORD, "member")));
        }
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    /** Whatever a scenario broke is back before the next one, even when it failed half-way. */
    @AfterEach
    void restoreStack() {
        if (!stack.kafka().isRunning()) {
            stack.kafka().startAgain();
        }
        if (!stack.postgres().isRunning()) {
            stack.postgres().startAgain();
        }
        stack.exitedServices().forEach(stack::startService);
    }

    // ------------------------------------------------------------------------------------------------------------
    // a. The broker stops for 20 s while members post, check in, order and pay, and others join.
    // ------------------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void brokerOutageLosesNoEventAndCountsNoneTwice() throws Exception {
        String operator = operatorToken();
        String community = createCommunity(operator, "Broker outage");
        String plan = createPlan(operator, community);
        List<Person> early = people.subList(0, 8);
        List<Person> late = people.subList(8, 12);
        Map<Person, String> tokens = tokens(people.subList(0, 12));
        for (Person person : early) {
            expect(201, join(community, tokens.get(person)));
        }
        awaitReplicas(community, ids(early), CONTENT, ACTIVITY, MONETIZATION);
        List<Long> before = List.of((long) early.size(), 0L, 0L, 0L);
        awaitFunnel(operator, community, before);

        Ledger ledger = new Ledger();
        early.forEach(person -> ledger.joined.add(person.id()));
        ScheduledExecutorService members = Executors.newScheduledThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        long down = System.nanoTime();
        stack.kafka().stop();
        try {
            // Spread over the outage: members who joined before it go through the lifecycle, newcomers join.
            for (int i = 0; i < early.size(); i++) {
                Person person = early.get(i);
                work.add(members.schedule(() -> lifecycle(community, plan, person, tokens.get(person), ledger),
                        i * 1_500L, TimeUnit.MILLISECONDS));
            }
            for (int i = 0; i < late.size(); i++) {
                Person person = late.get(i);
                work.add(members.schedule(() -> joinThenPost(community, person, tokens.get(person), ledger),
                        700L + i * 3_000L, TimeUnit.MILLISECONDS));
            }
            // While the broker is down nothing can reach analytics: the funnel stays as it was, the whole outage.
            Duration left = BROKER_OUTAGE.minus(since(down));
            await("the funnel unchanged while the broker is down").during(left).atMost(left.plusSeconds(30))
                    .until(() -> before.equals(funnel(operator, community)));
        } finally {
            long restarting = System.nanoTime();
            stack.kafka().startAgain();
            members.shutdown();
            figure("broker down", down, restarting);
            figure("broker started again", restarting);
        }
        long up = System.nanoTime();
        for (Future<?> done : work) {
            done.get(2, TimeUnit.MINUTES);
        }
        System.out.println("[fault figure] requests during the broker outage: " + ledger.outcomes);

        List<Long> expected = ledger.funnel();
        assertAll(
                () -> {
                    awaitFunnel(operator, community, expected);
                    figure("broker back -> funnel equals the accepted requests " + expected, up);
                },
                // Nothing counted twice: each accepted request's event is on its topic once, and logged once.
                () -> assertOnTopicOnce(Topics.MEMBERSHIP, "hearth.member.joined", community, "userId",
                        ledger.joined),
                () -> assertOnTopicOnce(Topics.CONTENT, "hearth.post.created", community, "postId", ledger.postIds),
                () -> assertOnTopicOnce(Topics.ACTIVITY, "hearth.checkin.recorded", community, "userId",
                        ledger.checkedIn),
                () -> assertOnTopicOnce(Topics.MONETIZATION, "hearth.order.placed", community, "orderId",
                        ledger.orderIds),
                () -> assertOnTopicOnce(Topics.MONETIZATION, "hearth.payment.succeeded", community, "orderId",
                        ledger.paidOrderIds),
                () -> {
                    Map<String, Long> accepted = new TreeMap<>(Map.of(
                            "hearth.community.created", 1L,
                            "hearth.plan.created", 1L,
                            "hearth.member.joined", (long) ledger.joined.size(),
                            "hearth.post.created", (long) ledger.postIds.size(),
                            "hearth.checkin.recorded", (long) ledger.checkedIn.size(),
                            "hearth.order.placed", (long) ledger.orderIds.size(),
                            "hearth.payment.succeeded", (long) ledger.paidOrderIds.size()));
                    await("analytics' event log of the community equal to the accepted requests").atMost(EVENTUAL)
                            .untilAsserted(() -> assertEquals(accepted, eventLogCounts(community)));
                });
    }

    /** Analytics' event log of a community: rows per type, joins counted only when they are members'. */
    private Map<String, Long> eventLogCounts(String community) {
        Map<String, Long> logged = new TreeMap<>();
        query(ANALYTICS, "select type, count(*) from event_log where community_id = ? and (type <> ? or role = ?)"
                + " group by type", community, "hearth.member.joined", "MEMBER")
                .forEach(row -> logged.put(row.get(0), Long.parseLong(row.get(1))));
        return logged;
    }

    /** Post, check in, order and pay, each only if the step before was accepted, as a member would. */
    private void lifecycle(String community, String plan, Person person, String token, Ledger ledger) {
        if (!post(community, person, token, ledger, "Ran during the outage")) {
            return;
        }
        Reply checkIn = ledger.record("check-in", api.post(url(ACTIVITY), "/communities/" + community
                + "/check-ins", token, Map.of()));
        if (checkIn.status() != 201) {
            return;
        }
        ledger.checkedIn.add(person.id());
        Reply order = ledger.record("order", api.post(url(MONETIZATION), "/communities/" + community + "/orders",
                token, Map.of("planId", plan), Map.of("Idempotency-Key", UUID.randomUUID().toString())));
        if (!order.accepted()) {
            return;
        }
        ledger.orderIds.add(order.text("id"));
        Reply paid = ledger.record("payment webhook", api.paymentWebhook(url(MONETIZATION),
                stack.config().paymentsWebhookSecret(), order.text("id"), "pay-" + person.username()));
        if (paid.accepted()) {
            ledger.paid.add(person.id());
            ledger.paidOrderIds.add(order.text("id"));
        }
    }

    /** A newcomer joins, then tries to post at once (content may not know of the join yet). */
    private void joinThenPost(String community, Person person, String token, Ledger ledger) {
        if (ledger.record("join", join(community, token)).accepted()) {
            ledger.joined.add(person.id());
            post(community, person, token, ledger, "Hello, just joined");
        }
    }

    private boolean post(String community, Person person, String token, Ledger ledger, String body) {
        Reply post = ledger.record("post", api.post(url(CONTENT), "/communities/" + community + "/posts", token,
                Map.of("body", body, "topics", List.of("outage"))));
        if (post.accepted()) {
            ledger.posted.add(person.id());
            ledger.postIds.add(post.text("id"));
        }
        return post.accepted();
    }

    /** What the accepted requests of a scenario imply, filled from several threads. */
    private static final class Ledger {
        final Set<String> joined = ConcurrentHashMap.newKeySet();
        final Set<String> posted = ConcurrentHashMap.newKeySet();
        final Set<String> checkedIn = ConcurrentHashMap.newKeySet();
        final Set<String> paid = ConcurrentHashMap.newKeySet();
        final Set<String> postIds = ConcurrentHashMap.newKeySet();
        final Set<String> orderIds = ConcurrentHashMap.newKeySet();
        final Set<String> paidOrderIds = ConcurrentHashMap.newKeySet();
        final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();

        Reply record(String request, Reply reply) {
            outcomes.computeIfAbsent(request + " " + reply.status(), k -> new AtomicInteger()).incrementAndGet();
            return reply;
        }

        /** Joined, posted, checked in, paid: each step taken only after the one before, so the sets nest. */
        List<Long> funnel() {
            return List.of((long) joined.size(), (long) posted.size(), (long) checkedIn.size(), (long) paid.size());
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // b. A service is killed (SIGKILL) after committing and before publishing.
    // ------------------------------------------------------------------------------------------------------------

    @Test
    @Order(2)
    void eventCommittedBeforeAKillIsDeliveredOnceAfterRestart() {
        String operator = operatorToken();
        String community = createCommunity(operator, "Killed before publishing");
        Person author = people.get(0);
        Person newcomer = people.get(1);
        String authorToken = stack.keycloak().accessToken(author.username(), PASSWORD);
        String newcomerToken = stack.keycloak().accessToken(newcomer.username(), PASSWORD);
        expect(201, join(community, authorToken));
        awaitReplicas(community, Set.of(author.id()), CONTENT);
        awaitFunnel(operator, community, List.of(1L, 0L, 0L, 0L));

        // With the broker down nothing can be published: both commits are only in their services' outboxes.
        stack.kafka().stop();
        String postId;
        try {
            expect(201, join(community, newcomerToken));
            postId = expect(201, api.post(url(CONTENT), "/communities/" + community + "/posts", authorToken,
                    Map.of("body", "Written just before the crash", "topics", List.of("crash")))).text("id");
            stack.killService(MEMBERSHIP);
            stack.killService(CONTENT);
        } finally {
            stack.kafka().startAgain();
        }
        long restarting = System.nanoTime();
        stack.startService(MEMBERSHIP);
        stack.startService(CONTENT);
        figure("membership and content started again after SIGKILL", restarting);

        awaitFunnel(operator, community, List.of(2L, 1L, 0L, 0L));
        figure("restart -> the join and the post committed before the kill are in the funnel", restarting);
        assertOnTopicOnce(Topics.MEMBERSHIP, "hearth.member.joined", community, "userId", Set.of(newcomer.id()));
        assertOnTopicOnce(Topics.CONTENT, "hearth.post.created", community, "postId", Set.of(postId));
        // The author posted once and the newcomer joined once: one row each in analytics' event log.
        assertEquals(List.of(List.of("1")), query(ANALYTICS, "select count(*) from event_log where community_id = ?"
                + " and type = 'hearth.post.created' and person_id = ?", community, author.id()));
        assertEquals(List.of(List.of("1")), query(ANALYTICS, "select count(*) from event_log where community_id = ?"
                + " and type = 'hearth.member.joined' and person_id = ?", community, newcomer.id()));
    }

    // ------------------------------------------------------------------------------------------------------------
    // c. Two instances of every service while memberships churn across communities.
    // ------------------------------------------------------------------------------------------------------------

    @Test
    @Order(3)
    void replicasAgreeWithMembershipWhenEveryServiceRunsTwice() throws Exception {
        long starting = System.nanoTime();
        List<ServiceInstance> more = stack.startMoreInstances(MEMBERSHIP, CONTENT, ACTIVITY, MONETIZATION,
                ANALYTICS);
        figure("a second instance of each of the five services started", starting);
        List<String> communities = new ArrayList<>();
        try {
            List<URI> memberships = List.of(url(MEMBERSHIP), more.get(0).url());
            AtomicInteger turn = new AtomicInteger();
            // Requests alternate between the two membership instances, so both outboxes fill at once.
            Supplier<URI> membership = () -> memberships.get(turn.getAndIncrement() % 2);
            String operator = operatorToken();
            for (int c = 0; c < 5; c++) {
                communities.add(expect(201, api.post(membership.get(), "/communities", operator,
                        Map.of("name", "Churn " + c, "theme", "Members come and go", "kind", "HOBBY")))
                        .text("id"));
            }
            Map<Person, String> tokens = tokens(people);

            Queue<String> refused = new ConcurrentLinkedQueue<>();
            AtomicInteger requests = new AtomicInteger();
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Future<?>> work = new ArrayList<>();
            long churning = System.nanoTime();
            for (int c = 0; c < communities.size(); c++) {
                for (int p = 0; p < people.size(); p++) {
                    String community = communities.get(c);
                    Person person = people.get(p);
                    int variant = (c + p) % 4;
                    work.add(threads.submit(() -> churn(community, person, tokens.get(person), operator, variant,
                            membership, requests, refused)));
                }
            }
            for (Future<?> done : work) {
                done.get(5, TimeUnit.MINUTES);
            }
            threads.shutdown();
            figure(requests.get() + " membership requests (joins, promotions, demotions, leaves) over two"
                    + " instances", churning);
            assertTrue(refused.isEmpty(), "requests refused: " + refused);

            Set<String> truth = membershipTable(communities);
            assertTrue(truth.size() > communities.size(), "the churn left nobody but the owners: " + truth);
            long settled = System.nanoTime();
            Map<HearthService, Long> agreed = new ConcurrentHashMap<>();
            try {
                await("every replica equal to membership's table").atMost(EVENTUAL)
                        .pollInterval(Duration.ofMillis(250)).until(() -> {
                            // All at once: a replica that agreed for a moment may still take a late event.
                            boolean all = true;
                            for (HearthService service : REPLICAS) {
                                if (truth.equals(replicaTable(service, communities))) {
                                    agreed.putIfAbsent(service, System.nanoTime());
                                } else {
                                    all = false;
                                }
                            }
                            return all;
                        });
            } finally {
                agreed.forEach((service, at) -> figure(service.id() + "'s replica first equal to membership's "
                        + truth.size() + " members", settled, at));
            }
        } catch (ConditionTimeoutException e) {
            fail(divergence(communities), e);
        } finally {
            more.forEach(ServiceInstance::close);
        }
    }

    /**
     * What each replica has that membership's table has not and the other way round, with the membership events of
     * the people concerned in topic order (which is the order consumers apply them in), and dead letters: enough to
     * tell a reordering from a loss.
     */
    private String divergence(List<String> communities) {
        Set<String> truth = membershipTable(communities);
        StringBuilder text = new StringBuilder("replicas differ from membership's table:");
        Set<String> concerned = new TreeSet<>();
        for (HearthService service : REPLICAS) {
            Set<String> replica = replicaTable(service, communities);
            Set<String> missing = new TreeSet<>(truth);
            missing.removeAll(replica);
            Set<String> extra = new TreeSet<>(replica);
            extra.removeAll(truth);
            if (!missing.isEmpty() || !extra.isEmpty()) {
                text.append("\n  ").append(service.id()).append(": only in membership ").append(missing)
                        .append(", only in the replica ").append(extra);
                missing.forEach(row -> concerned.add(row.substring(0, row.lastIndexOf(' '))));
                extra.forEach(row -> concerned.add(row.substring(0, row.lastIndexOf(' '))));
            }
        }
        List<Event> events = TopicRecords.read(stack.kafkaBootstrapServers(), Topics.MEMBERSHIP);
        for (String member : concerned) {
            String[] communityAndUser = member.split(" ");
            text.append("\n  ").append(member).append(" on ").append(Topics.MEMBERSHIP).append(": ")
                    .append(events.stream().filter(e -> communityAndUser[0].equals(e.field("communityId"))
                            && communityAndUser[1].equals(e.field("userId")))
                            .map(e -> e.type().replace("hearth.member.", "") + (e.field("role") == null ? ""
                                    : " " + e.field("role")))
                            .toList());
        }
        for (HearthService service : REPLICAS) {
            long dead = TopicRecords.read(stack.kafkaBootstrapServers(), "hearth.dlq." + service.id()).stream()
                    .filter(e -> communities.contains(e.field("communityId"))).count();
            text.append("\n  hearth.dlq.").append(service.id()).append(": ").append(dead)
                    .append(" records of these communities");
        }
        return text.toString();
    }

    /**
     * One person's memberships in one community in quick succession: join, promotion, demotion, then by variant
     * leave; promotion again; leave and join again; nothing.
     */
    private void churn(String community, Person person, String token, String owner, int variant,
            Supplier<URI> membership, AtomicInteger requests, Queue<String> refused) {
        String members = "/communities/" + community + "/members";
        String role = members + "/" + person.id() + "/role";
        List<Runnable> steps = new ArrayList<>(List.of(
                () -> check(api.post(membership.get(), members, token, Map.of()), "join", refused),
                () -> check(api.put(membership.get(), role, owner, Map.of("role", "ADMIN")), "promote", refused),
                () -> check(api.put(membership.get(), role, owner, Map.of("role", "MEMBER")), "demote", refused)));
        switch (variant) {
            case 0 -> steps.add(() -> check(api.delete(membership.get(), members + "/me", token), "leave", refused));
            case 1 -> steps.add(() -> check(api.put(membership.get(), role, owner, Map.of("role", "ADMIN")),
                    "promote again", refused));
            case 2 -> {
                steps.add(() -> check(api.delete(membership.get(), members + "/me", token), "leave", refused));
                steps.add(() -> check(api.post(membership.get(), members, token, Map.of()), "join again", refused));
            }
            default -> {
                // stays a member
            }
        }
        steps.forEach(step -> {
            requests.incrementAndGet();
            step.run();
        });
    }

    private static void check(Reply reply, String what, Queue<String> refused) {
        if (!reply.accepted()) {
            refused.add(what + ": " + reply);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // d. PostgreSQL restarts while members post from several threads.
    // ------------------------------------------------------------------------------------------------------------

    @Test
    @Order(4)
    void databaseRestartUnderLoadRefusesCleanlyAndHalfWritesNothing() throws Exception {
        String operator = operatorToken();
        String community = createCommunity(operator, "Database restart");
        List<Person> authors = people.subList(0, 6);
        Map<Person, String> tokens = tokens(authors);
        for (Person person : authors) {
            expect(201, join(community, tokens.get(person)));
        }
        awaitReplicas(community, ids(authors), CONTENT);

        Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        AtomicBoolean posting = new AtomicBoolean(true);
        AtomicLong accepted = new AtomicLong();
        Map<Person, AtomicLong> lastSent = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(authors.size());
        List<Future<?>> load = new ArrayList<>();
        for (Person person : authors) {
            lastSent.put(person, new AtomicLong());
            load.add(threads.submit(() -> {
                for (int n = 0; posting.get(); n++) {
                    String body = "load " + person.username() + " #" + n;
                    long sent = System.nanoTime();
                    lastSent.get(person).set(sent);
                    Attempt attempt;
                    try {
                        Reply reply = api.post(url(CONTENT), "/communities/" + community + "/posts",
                                tokens.get(person), Map.of("body", body, "topics", List.of("load")));
                        attempt = new Attempt(body, sent, System.nanoTime(), reply, null);
                    } catch (RuntimeException e) {
                        attempt = new Attempt(body, sent, System.nanoTime(), null, e.getMessage());
                    }
                    attempts.add(attempt);
                    if (attempt.reply() != null && attempt.reply().status() == 201) {
                        accepted.incrementAndGet();
                    }
                }
            }));
        }
        long stopped;
        long restarted;
        try {
            await("posts accepted before the restart").atMost(EVENTUAL).until(() -> accepted.get() >= 30);
            stopped = System.nanoTime();
            stack.postgres().stop();
            try {
                // Down for the whole outage, and every author has sent at least one post into it.
                await("the database outage").atMost(EVENTUAL).until(() -> since(stopped).compareTo(DATABASE_OUTAGE) >= 0
                        && lastSent.values().stream().allMatch(t -> t.get() > stopped));
            } finally {
                stack.postgres().startAgain();
            }
            restarted = System.nanoTime();
            long acceptedAtRestart = accepted.get();
            await("posts accepted again after the restart").atMost(EVENTUAL)
                    .until(() -> accepted.get() >= acceptedAtRestart + 30);
        } finally {
            posting.set(false);
            threads.shutdown();
        }
        for (Future<?> done : load) {
            done.get(2, TimeUnit.MINUTES);
        }

        figure("PostgreSQL down", stopped, restarted);
        attempts.stream().filter(a -> a.sentAt() > restarted && a.reply() != null && a.reply().status() == 201)
                .mapToLong(Attempt::answeredAt).min()
                .ifPresent(first -> figure("PostgreSQL back -> first post accepted", restarted, first));
        Map<String, Long> outcomes = attempts.stream().collect(Collectors.groupingBy(Attempt::outcome, TreeMap::new,
                Collectors.counting()));
        System.out.println("[fault figure] posts under the PostgreSQL restart, by outcome: " + outcomes);

        // Every check is reported, not only the first to fail: together they say what the restart did.
        Map<String, String> acceptedPosts = attempts.stream().filter(a -> a.reply() != null
                && a.reply().status() == 201).collect(Collectors.toMap(Attempt::body, a -> a.reply().text("id")));
        Set<String> postIds = new HashSet<>(acceptedPosts.values());
        assertAll(
                // Refused cleanly: a 503 problem, never a 500, never no answer at all.
                () -> {
                    List<Attempt> unclean = attempts.stream().filter(a -> !a.cleanOutcome()).toList();
                    assertTrue(unclean.isEmpty(), () -> unclean.size() + " answers were neither 201 nor a 503 problem,"
                            + " e.g. " + unclean.stream().map(Attempt::sample).distinct().limit(3).toList()
                            + "; content logged: " + unexpectedFailuresLogged(CONTENT));
                },
                // Nothing half-written: the posts in content's table are exactly those answered 201.
                () -> {
                    Map<String, String> stored = new TreeMap<>();
                    query(CONTENT, "select body, id::text from post where community_id = ?::uuid", community)
                            .forEach(row -> stored.put(row.get(0), row.get(1)));
                    assertEquals(new TreeMap<>(acceptedPosts), stored, "posts stored against posts answered 201");
                },
                // Each accepted post's event is published once.
                () -> {
                    await("every accepted post's event on the topic").atMost(EVENTUAL).until(() -> postIds.stream()
                            .allMatch(onTopic(Topics.CONTENT, "hearth.post.created", community, "postId")::test));
                    assertOnTopicOnce(Topics.CONTENT, "hearth.post.created", community, "postId", postIds);
                },
                // A transient outage loses nothing downstream: analytics logs every accepted post...
                () -> {
                    long published = System.nanoTime();
                    await("every accepted post in analytics' event log").atMost(EVENTUAL).untilAsserted(() ->
                            assertEquals(postIds, new HashSet<>(column(query(ANALYTICS, "select " + DATA
                                    + " ->> 'postId' from event_log where community_id = ?"
                                    + " and type = 'hearth.post.created'", community)))));
                    figure("accepted posts published -> all in analytics' event log", published);
                },
                // ...and dead-letters none of them.
                () -> assertEquals(0, TopicRecords.read(stack.kafkaBootstrapServers(), "hearth.dlq.analytics")
                        .stream().filter(e -> community.equals(e.field("communityId"))).count(),
                        "records of this community in hearth.dlq.analytics"));
    }

    /** One post request under load: what was sent, when, and what came back (or why nothing did). */
    /** What a service logged about its unexpected failures, so that a failed run says which exception it was. */
    private String unexpectedFailuresLogged(HearthService service) {
        try (Stream<String> lines = Files.lines(stack.logFile(service))) {
            List<String> logged = lines.dropWhile(line -> !line.contains("Unexpected failure")).limit(40).toList();
            return logged.isEmpty() ? "nothing" : String.join("\n", logged);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private record Attempt(String body, long sentAt, long answeredAt, Reply reply, String noAnswer) {
        boolean cleanOutcome() {
            return reply != null && (reply.status() == 201 || reply.status() == 503 && reply.isProblem());
        }

        /** The answer as it came, shortened, for a failure message. */
        String sample() {
            if (reply == null) {
                return outcome();
            }
            String body = reply.body() == null ? "" : reply.body();
            return reply.status() + " " + reply.contentType() + " "
                    + body.substring(0, Math.min(body.length(), 200)).replaceAll("[0-9a-f-]{36}", "<uuid>");
        }

        String outcome() {
            if (reply == null) {
                return "no answer (" + noAnswer + ")";
            }
            return reply.status() + (reply.isProblem() ? " problem" : "")
                    + (reply.status() / 100 == 5 ? ": " + reply.text("detail") : "");
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Helpers
    // ------------------------------------------------------------------------------------------------------------

    private URI url(HearthService service) {
        return stack.serviceUrl(service);
    }

    private String operatorToken() {
        return stack.keycloak().accessToken("operator", "hearth");
    }

    private Map<Person, String> tokens(Collection<Person> who) {
        Map<Person, String> tokens = new LinkedHashMap<>();
        who.forEach(person -> tokens.put(person, stack.keycloak().accessToken(person.username(), PASSWORD)));
        return tokens;
    }

    private static Set<String> ids(Collection<Person> who) {
        return who.stream().map(Person::id).collect(Collectors.toSet());
    }

    private String createCommunity(String operator, String name) {
        return expect(201, api.post(url(MEMBERSHIP), "/communities", operator,
                Map.of("name", name, "theme", "Fault tests", "kind", "HOBBY"))).text("id");
    }

    /** Monetization learns that the operator owns the community from membership's events: eventually. */
    private String createPlan(String operator, String community) {
        Map<String, Object> plan = Map.of("name", "Monthly", "price", Map.of("amountMinor", 990, "currency", "CNY"),
                "periodDays", 30);
        return await("plan created").atMost(EVENTUAL).until(() -> api.post(url(MONETIZATION),
                "/communities/" + community + "/plans", operator, plan), r -> r.status() == 201).text("id");
    }

    private Reply join(String community, String token) {
        return api.post(url(MEMBERSHIP), "/communities/" + community + "/members", token, Map.of());
    }

    private static Reply expect(int status, Reply reply) {
        if (reply.status() != status) {
            fail("expected " + status + ", got " + reply);
        }
        return reply;
    }

    /** The lifecycle funnel's counts (joined, posted, checked in, paid), or null while analytics cannot answer. */
    private List<Long> funnel(String token, String community) {
        Reply reply = api.get(url(ANALYTICS), "/communities/" + community + "/funnels/lifecycle", token);
        if (reply.status() != 200) {
            return null;
        }
        List<Long> counts = new ArrayList<>();
        reply.json().path("steps").forEach(step -> counts.add(step.path("count").asLong()));
        return counts;
    }

    private void awaitFunnel(String token, String community, List<Long> counts) {
        await("lifecycle funnel " + counts).atMost(EVENTUAL).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertEquals(counts, funnel(token, community)));
    }

    private void awaitReplicas(String community, Set<String> userIds, HearthService... services) {
        for (HearthService service : services) {
            await(service.id() + " knows the members").atMost(EVENTUAL).until(() -> column(query(service,
                    "select user_id from community_member_replica where community_id = ?", community))
                    .containsAll(userIds));
        }
    }

    /** Current members as "community user ROLE", from membership's own table. */
    private Set<String> membershipTable(List<String> communities) {
        return new TreeSet<>(column(query(MEMBERSHIP, "select community_id::text || ' ' || user_id || ' ' || role"
                + " from membership where left_at is null and community_id::text = any(?)", communities)));
    }

    /** The same, from a service's replica. */
    private Set<String> replicaTable(HearthService service, List<String> communities) {
        return new TreeSet<>(column(query(service, "select community_id || ' ' || user_id || ' ' || role"
                + " from community_member_replica where community_id = any(?)", communities)));
    }

    /**
     * Asserts that each value is on the topic as exactly one event: at least one record of the type in the community,
     * and all of its records carry one event id. A relay that sent a batch and could not stamp it (its database went
     * away) sends it again, as the same event; consumers apply an id once, so it is counted once.
     */
    private void assertOnTopicOnce(String topic, String type, String community, String field,
            Collection<String> values) {
        List<Event> events = TopicRecords.read(stack.kafkaBootstrapServers(), topic);
        Map<String, Set<String>> ids = new TreeMap<>();
        long copies = 0;
        for (String value : values) {
            List<Event> matching = events.stream().filter(e -> type.equals(e.type()))
                    .filter(e -> community.equals(e.field("communityId")) && value.equals(e.field(field))).toList();
            ids.put(value, matching.stream().map(Event::id).collect(Collectors.toCollection(TreeSet::new)));
            copies += Math.max(0, matching.size() - 1);
        }
        Map<String, Integer> distinct = new TreeMap<>();
        ids.forEach((value, eventIds) -> distinct.put(value, eventIds.size()));
        Map<String, Integer> once = new TreeMap<>();
        values.forEach(value -> once.put(value, 1));
        assertEquals(once, distinct, "distinct events of " + type + " on " + topic + " by " + field);
        if (copies > 0) {
            System.out.printf("[fault figure] re-sent copies of %s (same event id, applied once): %d%n", type, copies);
        }
    }

    /** Whether a record of the type in the community with that field value is on the topic (read afresh). */
    private Predicate<String> onTopic(String topic, String type, String community, String field) {
        Set<String> present = TopicRecords.read(stack.kafkaBootstrapServers(), topic).stream()
                .filter(e -> type.equals(e.type()) && community.equals(e.field("communityId")))
                .map(e -> e.field(field)).collect(Collectors.toSet());
        return present::contains;
    }

    /** Rows as text, from the service's own database; a List parameter becomes a text array. */
    private List<List<String>> query(HearthService service, String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(service), PostgresServer.USER,
                PostgresServer.PASSWORD); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof List<?> list) {
                    statement.setArray(i + 1, connection.createArrayOf("text", list.toArray()));
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>(columns);
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getString(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Query on " + service.database() + " failed: " + sql, e);
        }
    }

    private static List<String> column(List<List<String>> rows) {
        return rows.stream().map(row -> row.get(0)).toList();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Figures for the reader of the build log; measured, never asserted. */
    private static void figure(String what, long sinceNanos) {
        figure(what, sinceNanos, System.nanoTime());
    }

    private static void figure(String what, long fromNanos, long toNanos) {
        System.out.printf("[fault figure] %s: %d ms%n", what, Duration.ofNanos(toNanos - fromNanos).toMillis());
    }
}
