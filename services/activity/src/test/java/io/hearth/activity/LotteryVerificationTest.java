package io.hearth.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hearth.activity.service.LotteryScheduler;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.LotteryCreated;
import io.hearth.contracts.events.LotteryDrawn;
import io.hearth.contracts.events.NoticeIssued;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What anyone can do with a drawn lottery: check the revealed seed against the commitment published at creation and
 * recompute every score and the winners, here with coreutils' {@code sha256sum} and a sort of the test's own, not
 * with anything of the service's.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class LotteryVerificationTest {
    private static final int MEMBERS = 12;
    private static final int WINNERS = 4;

    @Inject
    MovableClock clock;
    @Inject
    Scheduler scheduler;

    @BeforeEach
    void letTheSchedulerRun() {
        scheduler.resume(LotteryScheduler.JOB);
    }

    @AfterEach
    void releaseTheClock() {
        clock.reset();
    }

    @Test
    void anyoneRecomputesTheCommitmentTheScoresAndTheWinnersFromThePublishedSeed() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.setTo(now);
        String community = UUID.randomUUID().toString();
        String owner = "owner-" + UUID.randomUUID();
        List<String> members = new ArrayList<>(List.of(owner));
        ActivityApi.join(community, owner, CommunityRole.OWNER);
        for (int i = 0; i < MEMBERS - 1; i++) {
            // Not only ASCII: the score hashes the id's UTF-8 bytes.
            String member = (i % 3 == 0 ? "成员-" : "member-") + UUID.randomUUID();
            ActivityApi.join(community, member, CommunityRole.MEMBER);
            members.add(member);
        }
        String id = LotteryApi.createdId(community, owner, LotteryApi.allMembers(WINNERS, now.plusSeconds(30)));
        String commitment = KafkaEvents.awaitEvent(EventType.LOTTERY_CREATED,
                e -> e.data(LotteryCreated.class).lotteryId().equals(id)).data(LotteryCreated.class).commitment();

        // The scheduler draws it once it is due.
        clock.setTo(now.plusSeconds(31));
        LotteryDrawn drawn = KafkaEvents.awaitEvent(EventType.LOTTERY_DRAWN,
                e -> e.data(LotteryDrawn.class).lotteryId().equals(id)).data(LotteryDrawn.class);
        JsonPath lottery = LotteryApi.get(community, owner, id).then().statusCode(200).extract().jsonPath();
        String seedHex = lottery.getString("seedHex");
        assertEquals(seedHex, drawn.seedHex());
        assertEquals(commitment, lottery.getString("commitment"));

        // SHA-256 of the seed's 32 bytes (not of its hex text) is what was committed to before anyone could know who
        // would be eligible.
        byte[] seed = HexFormat.of().parseHex(seedHex);
        assertEquals(32, seed.length);
        assertEquals(commitment, sha256sum(seed));

        // Every current member was eligible, each with the score SHA-256(seedHex + ':' + userId).
        List<Map<String, Object>> eligible = lottery.getList("eligible");
        assertEquals(members.stream().sorted().toList(),
                eligible.stream().map(e -> (String) e.get("userId")).sorted().toList());
        assertEquals(MEMBERS, drawn.eligibleCount());
        List<String[]> recomputed = new ArrayList<>();
        for (String member : members) {
            recomputed.add(new String[] { member,
                    sha256sum((seedHex + ":" + member).getBytes(StandardCharsets.UTF_8)) });
        }
        for (Map<String, Object> entrant : eligible) {
            String expected = recomputed.stream().filter(r -> r[0].equals(entrant.get("userId"))).findFirst()
                    .orElseThrow()[1];
            assertEquals(expected, entrant.get("score"), "score of " + entrant.get("userId"));
        }

        // The winners are the lowest scores (64 hex digits compare as the numbers they write), lowest first.
        recomputed.sort(Comparator.comparing((String[] r) -> r[1]));
        List<String> winners = recomputed.stream().limit(WINNERS).map(r -> r[0]).toList();
        assertEquals(winners, lottery.getList("winnerIds"));
        assertEquals(winners, drawn.winnerIds());
        assertEquals(recomputed.stream().map(r -> r[0]).toList(),
                eligible.stream().map(e -> (String) e.get("userId")).toList());

        // Each winner, and only they, find it in their inbox.
        List<PublishedEvent> notices = KafkaEvents.awaitEvents(EventType.NOTICE_ISSUED,
                e -> LotteryApi.isWinNotice(e, id), WINNERS);
        assertEquals(winners.stream().sorted().toList(),
                notices.stream().map(e -> e.data(NoticeIssued.class).userId()).sorted().toList());
    }

    /** Lowercase hex SHA-256 of {@code bytes} by coreutils' sha256sum, in another process. */
    private static String sha256sum(byte[] bytes) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sha256sum", "-").redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(bytes);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        process.getInputStream().transferTo(out);
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("sha256sum failed: " + out);
        }
        // "<64 hex digits>  -"
        return out.toString(StandardCharsets.US_ASCII).split(" ")[0].strip();
    }
}
