package io.hearth.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.hearth.contracts.events.Topics;
import io.hearth.embedded.ChildProcess;
import io.hearth.embedded.HearthService;
import io.hearth.embedded.HearthStack;
import io.hearth.embedded.LauncherLogging;
import io.hearth.embedded.StackConfig;

/**
 * The benchmark of issue 5, run by deploy/bench.sh: starts the whole local stack (HearthStack, free ports, a fresh
 * state directory), measures the raw ceilings of its Kafka broker and PostgreSQL server, drives Hearth's write routes
 * and its event pipeline through the public HTTP APIs with real Keycloak tokens, and prints one markdown table (also
 * written to deploy/bench/target/bench-report.md). Only public APIs, topics and analytics' event_log table are
 * touched, so it measures whatever the services do. Figures are printed, never asserted.
 */
public final class Benchmark {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final String JOINED = "hearth.member.joined";
    private static final String POSTED = "hearth.post.created";
    private static final String CHECKED_IN = "hearth.checkin.recorded";
    private static final String ORDERED = "hearth.order.placed";

    private final Options options;
    private final Path root;
    private final Report report = new Report();
    private final long began = System.nanoTime();
    private HearthStack stack;
    private ServiceProcesses processes;
    private EventLog eventLog;
    private String operator;
    private List<BenchUsers.User> users;
    private Ceilings.Producer producerCeiling;
    private Ceilings.Inserts insertCeiling;

    private Benchmark(Options options, Path root) {
        this.options = options;
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path root = HearthStack.findRepositoryRoot();
        int status = new Benchmark(options, root).run();
        System.exit(status);
    }

    private int run() throws IOException {
        Path target = root.resolve("deploy/bench/target");
        Path state = target.resolve("bench-state");
        deleteTree(state);
        Files.createDirectories(state);
        LauncherLogging.toFile(state.resolve("logs/bench.log"));
        describeMachine();

        // A shared, busy machine can take minutes to boot Keycloak and five services: wait rather than fail.
        StackConfig config = StackConfig.defaults(root).withStateDir(state).withFreePorts()
                .withStartTimeout(Duration.ofMinutes(10))
                // Each bench member joins hundreds of communities a minute, far past a person's join budget: the
                // benchmark measures the route, so the limit is lifted (it still takes its bucket per join).
                .withServiceProperty("hearth.limits.join.requests", "100000000");
        Map<HearthService, URI> urls = new EnumMap<>(HearthService.class);
        config.servicePorts().forEach((service, port) -> urls.put(service,
                URI.create("http://127.0.0.1:" + port + "/")));
        processes = new ServiceProcesses(root, urls);
        try {
            say("starting the stack in %s (logs in %s)", state, config.logDir());
            processes.watchStart();
            long t = System.nanoTime();
            stack = HearthStack.start(config);
            processes.stopWatching();
            say("stack ready in %.1f s", seconds(t));
            report.header(String.format(Locale.ROOT, "Whole stack (PostgreSQL, Kafka, Keycloak, five services) "
                    + "started in %.1f s.", seconds(t)));
            eventLog = new EventLog(stack.jdbcUrl(HearthService.ANALYTICS));
            describeDurability();

            // At rest: nothing has been asked of the services yet; give the start-up work a moment to settle.
            pause(Duration.ofSeconds(5));
            Map<HearthService, Double> rssAtRest = processes.residentMb();

            ceilings(state.resolve("logs"));
            Setup setup = setUp();
            List<Pair> joined = joins(setup);
            postsAtSaturation(setup);
            checkIns(setup, joined);
            orders(setup);
            steadyPipeline(setup);
            Map<HearthService, Double> rssAfterLoad = processes.residentMb();
            services(rssAtRest, rssAfterLoad);
            soloStart(config);
        } catch (RuntimeException e) {
            say("FAILED: %s", e);
            e.printStackTrace();
            String message = String.valueOf(e.getMessage());
            report.note("The run FAILED before the end: " + message.lines().findFirst().orElse(message));
            return finish(target, 1);
        } finally {
            if (eventLog != null) {
                eventLog.close();
            }
            if (stack != null) {
                say("stopping the stack");
                stack.close();
            }
        }
        return finish(target, 0);
    }

    private int finish(Path target, int status) throws IOException {
        report.header(String.format(Locale.ROOT, "Benchmark ran %.0f s; load average at the end: %s.", seconds(began),
                loadAverage()));
        String markdown = report.markdown();
        Files.createDirectories(target);
        Path file = target.resolve("bench-report.md");
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(markdown);
        say("written to %s", root.relativize(file));
        return status;
    }

    // ---------------------------------------------------------------- where

    private void describeMachine() {
        report.header("## Hearth benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)
                + ", commit " + System.getProperty("bench.commit", "?"));
        report.header("");
        report.header(String.format(Locale.ROOT, "Machine: %d cores (%s), %s memory, load average at the start %s; "
                + "Java %s (%s). The machine may be shared: figures are indicative.",
                Runtime.getRuntime().availableProcessors(), cpuModel(), memTotal(), loadAverage(),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.name")));
        report.header(String.format(Locale.ROOT, "Command: `deploy/bench.sh%s`. Load generator: JDK HttpClient "
                + "(HTTP/1.1), one keep-alive connection per worker of a fixed thread pool, inside the benchmark's "
                + "JVM (which also hosts the Kafka broker, as in the local stack).", options.commandLine()));
    }

    private void describeDurability() {
        report.header(String.format(Locale.ROOT, "PostgreSQL %s for Hearth and the insert ceiling alike: fsync=%s, "
                + "synchronous_commit=%s (the embedded defaults; production keeps both on).",
                eventLog.setting("server_version"), eventLog.setting("fsync"),
                eventLog.setting("synchronous_commit")));
    }

    // ---------------------------------------------------------------- (1) ceilings

    private void ceilings(Path logDir) {
        say("ceiling: Kafka ProducerPerformance, %,d records of %d bytes, acks=all, idempotent", options.kafkaRecords,
                options.recordSize);
        producerCeiling = Ceilings.kafkaProducer(stack.kafkaBootstrapServers(), options.kafkaRecords,
                options.recordSize, logDir);
        say("  %,.0f records/s", producerCeiling.perSecond());
        report.row(new Report.Row(String.format(Locale.ROOT, "**ceiling** Kafka producer (ProducerPerformance, "
                + "%,d x %d B, acks=all, idempotent)", producerCeiling.records(), producerCeiling.recordSize()),
                Report.num(producerCeiling.perSecond()) + " records/s", Report.ms(producerCeiling.p50Ms()),
                Report.ms(producerCeiling.p99Ms()), "", "latencies: send -> ack, flat out (buffer full)", "1x",
                ""));

        say("ceiling: single-row INSERTs, %d clients, %d s", options.insertClients, options.insertSeconds);
        insertCeiling = Ceilings.inserts(stack.postgres(), options.insertClients,
                Duration.ofSeconds(options.insertSeconds), logDir);
        say("  %,.0f inserts/s (%s)", insertCeiling.perSecond(), insertCeiling.tool());
        report.row(new Report.Row(String.format(Locale.ROOT, "**ceiling** PostgreSQL single-row INSERT (%s, %d "
                + "clients, %.0f s)", insertCeiling.tool(), insertCeiling.clients(), insertCeiling.seconds()),
                Report.num(insertCeiling.perSecond()) + " tx/s", "", "", "", "avg latency "
                        + Report.ms(insertCeiling.avgLatencyMs()) + " ms", "1x", ""));
    }

    // ---------------------------------------------------------------- setting up (not measured)

    /** The communities and plan the load runs in; every bench user is a member of the post and pipeline ones. */
    private record Setup(String posts, String pipeline, String plan, List<String> joinTargets) {
    }

    /** One person and one community: a join, then a check-in. */
    private record Pair(BenchUsers.User user, String community) {
    }

    private Setup setUp() {
        long t = System.nanoTime();
        operator = stack.keycloak().accessToken("operator", "hearth");
        users = new BenchUsers(stack.keycloak()).create(options.users);
        say("%d users with tokens (%.1f s)", users.size(), seconds(t));

        t = System.nanoTime();
        String posts = createCommunity("Bench posts");
        String pipeline = createCommunity("Bench pipeline");
        List<String> joinTargets = Http.parallel(8, options.communities, i -> createCommunity("Bench join " + i));
        say("%d communities (%.1f s)", joinTargets.size() + 2, seconds(t));

        t = System.nanoTime();
        Http.parallel(8, users.size() * 2, i -> {
            BenchUsers.User user = users.get(i / 2);
            String community = i % 2 == 0 ? posts : pipeline;
            return Http.expect(Http.post(api(HearthService.MEMBERSHIP, "/communities/" + community + "/members"),
                    user.token(), "{}"), 201);
        });
        // The plan needs monetization's replica to know the operator owns the community: eventually.
        String plan = Http.id(Http.awaitStatus(Http.post(api(HearthService.MONETIZATION, "/communities/" + posts
                + "/plans"), operator, "{\"name\":\"Bench plan\",\"price\":{\"amountMinor\":990,\"currency\":\"CNY\"},"
                + "\"periodDays\":30}"), 201, Duration.ofSeconds(60)));
        // Every bench user is known as a member where it will post and order before the load starts.
        Http.parallel(8, users.size(), i -> {
            BenchUsers.User user = users.get(i);
            for (String community : List.of(posts, pipeline)) {
                Http.awaitStatus(Http.get(api(HearthService.CONTENT, "/communities/" + community
                        + "/posts?limit=1"), user.token()), 200, Duration.ofSeconds(60));
            }
            return Http.awaitStatus(Http.get(api(HearthService.MONETIZATION, "/communities/" + posts + "/plans"),
                    user.token()), 200, Duration.ofSeconds(60));
        });
        say("members joined and replicated, plan created (%.1f s)", seconds(t));
        return new Setup(posts, pipeline, plan, joinTargets);
    }

    private String createCommunity(String name) {
        return Http.id(Http.expect(Http.post(api(HearthService.MEMBERSHIP, "/communities"), operator,
                "{\"name\":\"" + name + "\",\"theme\":\"Benchmark load\",\"kind\":\"HOBBY\"}"), 201));
    }

    // ---------------------------------------------------------------- (2) write routes

    /** Counts 201s and notes the last one, for the drain that follows. */
    private abstract static class Counted implements Load.Route {
        final AtomicLong created = new AtomicLong();
        final AtomicReference<Instant> lastCreated = new AtomicReference<>();

        @Override
        public void answered(long i, HttpResponse<String> response, Instant at) {
            if (response.statusCode() == 201) {
                created.incrementAndGet();
                lastCreated.accumulateAndGet(at, (a, b) -> a == null || b.isAfter(a) ? b : a);
                created(i, response, at);
            }
        }

        void created(long i, HttpResponse<String> response, Instant at) {
        }
    }

    private List<Pair> joins(Setup setup) {
        int perCommunity = users.size();
        long available = (long) perCommunity * setup.joinTargets().size();
        List<Pair> joined = java.util.Collections.synchronizedList(new ArrayList<>());
        Counted route = new Counted() {
            @Override
            public HttpRequest request(long i) {
                if (i >= available) {
                    return null;
                }
                Pair pair = pair(i);
                return Http.post(api(HearthService.MEMBERSHIP, "/communities/" + pair.community() + "/members"),
                        pair.user().token(), "{}");
            }

            @Override
            void created(long i, HttpResponse<String> response, Instant at) {
                joined.add(pair(i));
            }

            private Pair pair(long i) {
                // Consecutive joins go to the same community: many people join one community at once.
                return new Pair(users.get((int) (i % perCommunity)), setup.joinTargets().get((int) (i / perCommunity)));
            }
        };
        measure("join", "POST /communities/{id}/members", route);
        drain("join", JOINED, setup.joinTargets(), "MEMBER", route);
        return new ArrayList<>(joined);
    }

    private void postsAtSaturation(Setup setup) {
        Map<String, Instant> accepted = new ConcurrentHashMap<>();
        Counted route = new Counted() {
            @Override
            public HttpRequest request(long i) {
                return postRequest(setup.posts(), i);
            }

            @Override
            void created(long i, HttpResponse<String> response, Instant at) {
                Matcher id = ID.matcher(response.body());
                if (id.find()) {
                    accepted.put(id.group(1), at);
                }
            }
        };
        try (TopicArrivals arrivals = new TopicArrivals(stack.kafkaBootstrapServers(), Topics.CONTENT)) {
            Load.Result result = measure("post", "POST /communities/{id}/posts", route);
            Instant drained = drain("post", POSTED, List.of(setup.posts()), null, route);
            pipelineFigures(String.format(Locale.ROOT, "at saturation (the post run above, %d connections)",
                    options.connections), setup.posts(), accepted, arrivals, drained, result);
        }
    }

    private void checkIns(Setup setup, List<Pair> joined) {
        List<Pair> pairs = joined;
        List<String> communities = setup.joinTargets();
        if (pairs.isEmpty()) {
            // No join succeeded: check the bench users in where they are members anyway.
            pairs = users.stream().map(u -> new Pair(u, setup.posts())).toList();
            communities = List.of(setup.posts());
        }
        // Activity learns of the joins from membership's events: wait for the latest ones before the load.
        List<Pair> probes = pairs.subList(Math.max(0, pairs.size() - 20), pairs.size());
        for (Pair probe : probes) {
            Http.awaitStatus(Http.get(api(HearthService.ACTIVITY, "/communities/" + probe.community()
                    + "/check-ins/me"), probe.user().token()), 200, Duration.ofSeconds(options.drainSeconds));
        }
        List<Pair> targets = pairs;
        Counted route = new Counted() {
            @Override
            public HttpRequest request(long i) {
                // Each joined pair once (201, counted), then again (200, the same day: changes nothing).
                Pair pair = targets.get((int) (i % targets.size()));
                return Http.post(api(HearthService.ACTIVITY, "/communities/" + pair.community() + "/check-ins"),
                        pair.user().token(), "{}");
            }
        };
        Load.Result result = measure("check-in", "POST /communities/{id}/check-ins", route);
        report.note(String.format(Locale.ROOT, "check-in: %,d of the answers were 201 (first check-in of the day "
                + "of a member in a community, published), the rest 200 (a repeat the same day, nothing published); "
                + "%,d member/community pairs were available.", route.created.get(), targets.size()));
        drain("check-in", CHECKED_IN, communities, null, route);
    }

    private void orders(Setup setup) {
        String body = "{\"planId\":\"" + setup.plan() + "\"}";
        Counted route = new Counted() {
            @Override
            public HttpRequest request(long i) {
                BenchUsers.User user = users.get((int) (i % users.size()));
                return Load.request(api(HearthService.MONETIZATION, "/communities/" + setup.posts() + "/orders"),
                        user.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            }
        };
        measure("order", "POST /communities/{id}/orders (new Idempotency-Key each)", route);
        drain("order", ORDERED, List.of(setup.posts()), null, route);
    }

    private Load.Result measure(String name, String route, Load.Route requests) {
        say("%s: %d connections, %d s warm-up + %d s", name, options.connections, options.warmUpSeconds,
                options.routeSeconds);
        Load.Result result = Load.closed(name, requests, options.connections,
                Duration.ofSeconds(options.warmUpSeconds), Duration.ofSeconds(options.routeSeconds));
        say("  %,.0f req/s, p50 %.1f ms, p99 %.1f ms, errors %s%s", result.perSecond(), result.latencies().p50(),
                result.latencies().p99(), result.errorSummary(), result.exhausted() ? " (ran out of requests)" : "");
        report.throughput(String.format(Locale.ROOT, "%s %s, %d conn., %.0f s%s", name, route, result.connections(),
                result.seconds(), result.exhausted() ? " (ran out of pairs)" : ""), result.perSecond(), "req/s",
                result.latencies().p50(), result.latencies().p99(), result.errorSummary(), "x insert ceiling; "
                        + "target >= 0.25x (aim 0.5x)", insertCeiling.perSecond(), 0.25);
        return result;
    }

    /**
     * Waits until analytics' event log holds one event per 201 of the run, so that no backlog spills into the next
     * one; reports how long after the last 201 that was.
     */
    private Instant drain(String name, String type, Collection<String> communities, String role, Counted route) {
        long expected = route.created.get();
        Instant drained = eventLog.awaitCount(type, communities, role, expected,
                Duration.ofSeconds(options.drainSeconds));
        Instant last = route.lastCreated.get();
        if (drained == null) {
            long seen = eventLog.count(type, communities, role);
            say("  %s: only %,d of %,d events in analytics after %d s", name, seen, expected, options.drainSeconds);
            report.note(String.format(Locale.ROOT, "%s: only %,d of the %,d accepted requests' %s events had reached "
                    + "analytics %d s after the run (the next run started with that backlog).", name, seen, expected,
                    type, options.drainSeconds));
        } else if (last != null) {
            double lag = Duration.between(last, drained).toMillis() / 1000.0;
            say("  all %,d %s events in analytics %.1f s after the last 201", expected, type, lag);
            report.note(String.format(Locale.ROOT, "%s: all %,d %s events were in analytics' event log %.1f s after "
                    + "the last 201 (polled every 0.2 s).", name, expected, type, lag));
        }
        return drained;
    }

    private HttpRequest postRequest(String community, long i) {
        BenchUsers.User user = users.get((int) (i % users.size()));
        return Http.post(api(HearthService.CONTENT, "/communities/" + community + "/posts"), user.token(),
                "{\"body\":\"Benchmark post " + i + ": 5 km done before the rain, who is in tomorrow?\","
                        + "\"topics\":[\"bench\",\"running\"]}");
    }

    // ---------------------------------------------------------------- (3) the pipeline

    private void steadyPipeline(Setup setup) {
        Map<String, Instant> accepted = new ConcurrentHashMap<>();
        Counted route = new Counted() {
            @Override
            public HttpRequest request(long i) {
                return postRequest(setup.pipeline(), i);
            }

            @Override
            void created(long i, HttpResponse<String> response, Instant at) {
                Matcher id = ID.matcher(response.body());
                if (id.find()) {
                    accepted.put(id.group(1), at);
                }
            }
        };
        say("pipeline: posts at %d/s for %d s (%d workers)", options.rate, options.steadySeconds,
                options.steadyWorkers);
        try (TopicArrivals arrivals = new TopicArrivals(stack.kafkaBootstrapServers(), Topics.CONTENT)) {
            Load.Result result = Load.paced("post (paced)", route, options.steadyWorkers, options.rate,
                    Duration.ofSeconds(options.steadySeconds));
            say("  achieved %,.0f posts/s, p50 %.1f ms, p99 %.1f ms, errors %s", result.perSecond(),
                    result.latencies().p50(), result.latencies().p99(), result.errorSummary());
            Instant drained = drain("pipeline", POSTED, List.of(setup.pipeline()), null, route);
            pipelineFigures(String.format(Locale.ROOT, "at a steady %,d posts/s", options.rate), setup.pipeline(),
                    accepted, arrivals, drained, result);
        }
    }

    /**
     * Freshness of every accepted post (its 201 at the client -> on the topic; -> in analytics' event log) and the
     * rate the pipeline delivered them at (all of them / first 201 -> last row in the log).
     */
    private void pipelineFigures(String label, String community, Map<String, Instant> accepted,
            TopicArrivals arrivals, Instant drained, Load.Result http) {
        Map<String, Instant> received = eventLog.postsReceived(community);
        List<Long> toKafka = new ArrayList<>();
        List<Long> toAnalytics = new ArrayList<>();
        Instant first = null;
        Instant lastReceived = null;
        for (Map.Entry<String, Instant> post : accepted.entrySet()) {
            Instant at = post.getValue();
            first = first == null || at.isBefore(first) ? at : first;
            Instant onTopic = arrivals.arrivals().get(post.getKey());
            if (onTopic != null) {
                toKafka.add(Math.max(0, Duration.between(at, onTopic).toNanos()));
            }
            Instant inLog = received.get(post.getKey());
            if (inLog != null) {
                toAnalytics.add(Math.max(0, Duration.between(at, inLog).toNanos()));
                lastReceived = lastReceived == null || inLog.isAfter(lastReceived) ? inLog : lastReceived;
            }
        }
        Latencies kafka = Latencies.of(toKafka);
        Latencies analytics = Latencies.of(toAnalytics);
        int total = accepted.size();
        double delivered = first != null && lastReceived != null
                ? toAnalytics.size() / Math.max(0.001, Duration.between(first, lastReceived).toNanos() / 1e9) : 0;
        say("  %s: %,d posts accepted; on Kafka p50 %.0f / p99 %.0f ms; in analytics p50 %.0f / p99 %.0f ms; "
                + "delivered %,.0f events/s", label, total, kafka.p50(), kafka.p99(), analytics.p50(), analytics.p99(),
                delivered);
        report.throughput("pipeline " + label + ": posts accepted (HTTP 201)", http.perSecond(), "posts/s",
                http.latencies().p50(), http.latencies().p99(), http.errorSummary(), "x producer ceiling", 
                producerCeiling.perSecond(), 0);
        report.throughput("pipeline " + label + ": events delivered outbox -> Kafka -> analytics (first 201 -> last "
                + "row)", delivered, "events/s", Double.NaN, Double.NaN, missing(total, toAnalytics.size()),
                "x producer ceiling; target >= 0.5x", producerCeiling.perSecond(), 0.5);
        report.underTarget("freshness " + label + ": 201 -> on the Kafka topic", count(kafka.count(), total),
                Double.NaN, kafka.p50(), kafka.p99(), missing(total, kafka.count()), "", Double.NaN);
        report.underTarget("freshness " + label + ": 201 -> in analytics' event log", count(analytics.count(), total),
                analytics.p99(), analytics.p50(), analytics.p99(), missing(total, analytics.count()),
                "target p99 < 1,000 ms", 1000);
        if (drained == null) {
            report.note("freshness " + label + ": posts still missing from the event log at the end of the wait are "
                    + "left out of the percentiles (see the errors column): the real p99 is worse.");
        }
    }

    private static String count(int seen, int total) {
        return String.format(Locale.ROOT, "%,d / %,d posts", seen, total);
    }

    private static String missing(int total, int seen) {
        return total == seen ? "0" : String.format(Locale.ROOT, "%,d not arrived", total - seen);
    }

    // ---------------------------------------------------------------- (4) start time and memory

    private void services(Map<HearthService, Double> rssAtRest, Map<HearthService, Double> rssAfterLoad) {
        Map<HearthService, Duration> starts = processes.startTimes();
        for (HearthService service : HearthService.values()) {
            Duration start = starts.get(service);
            double startSeconds = start == null ? Double.NaN : start.toMillis() / 1000.0;
            report.underTarget(service.id() + ": start in the stack (launch -> /q/health/ready, all five at once)",
                    start == null ? "-" : String.format(Locale.ROOT, "%.1f s", startSeconds), startSeconds,
                    Double.NaN, Double.NaN, "", "alone < 3 s (this is in the stack)", 3);
            double rss = rssAtRest.getOrDefault(service, Double.NaN);
            report.underTarget(service.id() + ": resident memory at rest (VmRSS)", String.format(Locale.ROOT,
                    "%.0f MB (%.0f MB after the load)", rss, rssAfterLoad.getOrDefault(service, Double.NaN)), rss,
                    Double.NaN, Double.NaN, "", "< 200 MB", 200);
        }
    }

    /**
     * Starts a second membership instance, with the running one's command line on another port, beside the stack at
     * rest: the start time of one service alone with its infrastructure up.
     */
    private void soloStart(StackConfig config) {
        ProcessHandle running = processes.process(HearthService.MEMBERSHIP).orElse(null);
        if (running == null || running.info().command().isEmpty() || running.info().arguments().isEmpty()) {
            report.note("membership alone: its running process was not found; not measured.");
            return;
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(running.info().command().get());
        for (String arg : running.info().arguments().get()) {
            command.add(arg.startsWith("-Dquarkus.http.port=") ? "-Dquarkus.http.port=" + port : arg);
        }
        URI url = URI.create("http://127.0.0.1:" + port + "/");
        say("membership alone: a second instance on port %d", port);
        long t = System.nanoTime();
        ChildProcess solo = ChildProcess.launch("membership (alone)", command, Map.of(),
                HearthService.MEMBERSHIP.moduleDir(root), config.logDir().resolve("membership-alone.log"));
        try {
            long deadline = t + Duration.ofSeconds(120).toNanos();
            while (!processes.ready(url) && solo.isAlive() && System.nanoTime() < deadline) {
                pause(Duration.ofMillis(50));
            }
            if (!processes.ready(url)) {
                report.note("membership alone did not become ready; see " + root.relativize(solo.logFile()));
                return;
            }
            double startSeconds = seconds(t);
            pause(Duration.ofSeconds(3));
            double rss = ServiceProcesses.residentMb(solo.pid());
            say("  ready in %.2f s, %.0f MB resident", startSeconds, rss);
            report.underTarget("membership alone (a second instance, the rest of the stack up and idle): start",
                    String.format(Locale.ROOT, "%.2f s", startSeconds), startSeconds, Double.NaN, Double.NaN, "",
                    "< 3 s", 3);
            report.underTarget("membership alone: resident memory 3 s after ready", String.format(Locale.ROOT,
                    "%.0f MB", rss), rss, Double.NaN, Double.NaN, "", "< 200 MB", 200);
        } finally {
            solo.close();
        }
    }

    // ---------------------------------------------------------------- helpers

    private URI api(HearthService service, String path) {
        return stack.serviceUrl(service).resolve(path);
    }

    /** A fresh state directory each run: its Keycloak, Kafka and PostgreSQL data are the last run's. */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench %5.0fs] %s%n", seconds(began), String.format(Locale.ROOT, format,
                args));
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                    .findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** The knobs, all with defaults that keep a run near six minutes. */
    static final class Options {
        int connections = 16;
        int warmUpSeconds = 2;
        int routeSeconds = 15;
        int rate = 1000;
        int steadySeconds = 15;
        int steadyWorkers = 64;
        int users = 64;
        int communities = 300;
        int drainSeconds = 30;
        int insertClients = 8;
        int insertSeconds = 15;
        long kafkaRecords = 200_000;
        int recordSize = 500;
        private final List<String> given = new ArrayList<>();

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--help") || i + 1 >= args.length) {
                    System.out.println(USAGE);
                    System.exit(name.equals("--help") ? 0 : 2);
                }
                String value = args[++i];
                options.given.add(name + " " + value);
                int n = Integer.parseInt(value);
                switch (name) {
                    case "--connections" -> options.connections = n;
                    case "--seconds" -> options.routeSeconds = n;
                    case "--warm-up" -> options.warmUpSeconds = n;
                    case "--rate" -> options.rate = n;
                    case "--steady-seconds" -> options.steadySeconds = n;
                    case "--users" -> options.users = n;
                    case "--communities" -> options.communities = n;
                    case "--drain" -> options.drainSeconds = n;
                    case "--kafka-records" -> options.kafkaRecords = n;
                    case "--insert-seconds" -> options.insertSeconds = n;
                    default -> {
                        System.out.println("Unknown option " + name + "\n" + USAGE);
                        System.exit(2);
                    }
                }
            }
            return options;
        }

        String commandLine() {
            return given.isEmpty() ? "" : " " + String.join(" ", given);
        }

        static final String USAGE = """
                deploy/bench.sh [--build] [options]
                  --connections N     concurrent connections per write route (16)
                  --seconds S         measured seconds per write route, after a 2 s warm-up (15)
                  --rate R            posts/s of the steady pipeline run (1000)
                  --steady-seconds S  length of the steady pipeline run (15)
                  --users N           Keycloak users created for the load (64)
                  --communities N     communities to join: users x communities joins are available (300)
                  --drain S           longest wait for analytics to catch up after each run (30)
                  --kafka-records N   records of the Kafka producer ceiling (200000)
                  --insert-seconds S  length of the PostgreSQL insert ceiling (15)""";
    }
}
