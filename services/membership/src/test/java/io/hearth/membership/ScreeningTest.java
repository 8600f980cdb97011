package io.hearth.membership;

import static io.hearth.testing.Requests.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.ApplicationDecided;
import io.hearth.contracts.events.ApplicationSubmitted;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.MemberJoined;
import io.hearth.contracts.events.Topics;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HearthTestResource.class)
class ScreeningTest {
    private static final List<String> QUESTIONS = List.of("How far do you run?", "Where do you live?");
    private static final List<String> ANSWERS = List.of("30 km a week", "Xuhui");

    /** A community that screens newcomers with two questions; returns its id. */
    private static String screening(String owner, Integer sizeCap) {
        String community = MembershipApi.createCommunity(owner, sizeCap);
        MembershipApi.update(community, owner, Map.of("admission", "APPROVAL", "questions", QUESTIONS));
        return community;
    }

    @Test
    void closedCommunityTakesNoJoinsAndWritesNothing() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String code = MembershipApi.createEntry(community, owner, "INVITE_LINK");
        MembershipApi.update(community, owner, Map.of("admission", "CLOSED"));
        KafkaEvents.awaitEvent(EventType.COMMUNITY_UPDATED, e -> e.subject().equals(community));
        long events = Stored.outboxEvents(community);

        String newcomer = "member-" + UUID.randomUUID();
        as(TestTokens.member(newcomer)).body("{}").post("/communities/{id}/members", community)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://hearth.dev/problems/community-closed"));
        as(TestTokens.member(newcomer)).body(Map.of("entryCode", code)).post("/communities/{id}/members", community)
                .then().statusCode(422).body("type", equalTo("https://hearth.dev/problems/community-closed"));

        assertEquals(events, Stored.outboxEvents(community));
        as(TestTokens.member(owner)).get("/communities/{id}", community).then().body("memberCount", equalTo(1));
    }

    @Test
    void joiningAScreeningCommunityFilesAPendingApplicationThatTakesNoPlace() {
        String owner = "owner-" + UUID.randomUUID();
        String community = screening(owner, null);
        String code = MembershipApi.createEntry(community, owner, "REFERRAL");
        String applicant = "applicant-" + UUID.randomUUID();

        String id = as(TestTokens.member(applicant)).body(Map.of("entryCode", code, "answers", ANSWERS))
                .post("/communities/{id}/members", community)
                .then().statusCode(202)
                .body("status", equalTo("PENDING"))
                .body("userId", equalTo(applicant))
                .body("questions", equalTo(QUESTIONS))
                .body("answers", equalTo(ANSWERS))
                .body("entryCode", equalTo(code))
                .body("createdAt", notNullValue())
                .body("decidedAt", nullValue())
                .extract().path("id");

        ApplicationSubmitted submitted = KafkaEvents.awaitEvent(EventType.APPLICATION_SUBMITTED,
                e -> e.subject().equals(community)).data(ApplicationSubmitted.class);
        assertEquals(id, submitted.applicationId());
        assertEquals(applicant, submitted.userId());
        assertEquals(code, submitted.entryCode());
        as(TestTokens.member(owner)).get("/communities/{id}", community).then().body("memberCount", equalTo(1));
        as(TestTokens.member(applicant)).get("/communities/{id}", community).then().statusCode(403);
        assertEquals(0, KafkaEvents.events(EventType.MEMBER_JOINED,
                e -> e.subject().equals(community) && e.data(MemberJoined.class).userId().equals(applicant)).size());

        as(TestTokens.operator(owner)).get("/communities/{id}/applications", community).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(id))
                .body("items[0].answers", equalTo(ANSWERS));
    }

    @Test
    void secondApplicationWhileOneIsPendingIsAConflictAndWritesNothing() {
        String owner = "owner-" + UUID.randomUUID();
        String community = screening(owner, null);
        String applicant = "applicant-" + UUID.randomUUID();
        MembershipApi.apply(community, applicant, ANSWERS);
        long events = Stored.outboxEvents(community);

        as(TestTokens.member(applicant)).body(Map.of("answers", ANSWERS)).post("/communities/{id}/members", community)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://hearth.dev/problems/application-pending"));
        assertEquals(events, Stored.outboxEvents(community));
        assertEquals(1, Stored.applications(community));
    }

    @Test
    void answersMustBeOnePerQuestionEachOneTo1000Characters() {
        String owner = "owner-" + UUID.randomUUID();
        String community = screening(owner, null);
        String applicant = "applicant-" + UUID.randomUUID();
        for (Object body : List.of(Map.of(), Map.of("answers", List.of("only one")),
                Map.of("answers", List.of("a", "b", "c")))) {
            as(TestTokens.member(applicant)).body(body).post("/communities/{id}/members", community)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("answers"));
        }
        as(TestTokens.member(applicant)).body(Map.of("answers", List.of("fine", "x".repeat(1001))))
                .post("/communities/{id}/members", community)
                .then().statusCode(400).body("violations[0].field", equalTo("answers"));
        as(TestTokens.member(applicant)).body(Map.of("answers", List.of("fine", " ")))
                .post("/communities/{id}/members", community)
                .then().statusCode(400).body("violations[0].field", equalTo("answers"));
        assertEquals(0, Stored.applications(community));
    }

    @Test
    void approvalMakesTheApplicantAMemberAttributedToTheirEntry() {
        String owner = "owner-" + UUID.randomUUID();
        String admin = "admin-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        MembershipApi.join(community, admin);
        as(TestTokens.operator(owner)).body(Map.of("role", "ADMIN"))
                .put("/communities/{id}/members/{user}/role", community, admin).then().statusCode(200);
        MembershipApi.update(community, owner, Map.of("admission", "APPROVAL", "questions", QUESTIONS));
        String code = MembershipApi.createEntry(community, owner, "REFERRAL");
        String applicant = "applicant-" + UUID.randomUUID();
        String id = as(TestTokens.member(applicant)).body(Map.of("entryCode", code, "answers", ANSWERS))
                .post("/communities/{id}/members", community).then().statusCode(202).extract().path("id");

        as(TestTokens.member(admin)).body(Map.of("approve", true, "reason", "Runs nearby"))
                .post("/communities/{id}/applications/{app}/decision", community, id)
                .then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo(admin))
                .body("reason", equalTo("Runs nearby")).body("decidedAt", notNullValue());

        List<PublishedEvent> events = KafkaEvents.awaitCommunityEvents(Topics.MEMBERSHIP, community,
                all -> all.stream().anyMatch(e -> e.is(EventType.MEMBER_JOINED)
                        && e.data(MemberJoined.class).userId().equals(applicant)));
        List<String> types = events.stream().map(PublishedEvent::type).toList();
        int decided = types.indexOf("hearth.application.decided");
        assertEquals("hearth.member.joined", types.get(decided + 1), "the decision comes before the join");
        ApplicationDecided decision = events.get(decided).data(ApplicationDecided.class);
        assertEquals(new ApplicationDecided(community, id, applicant, true, admin, "Runs nearby"), decision);
        MemberJoined joined = events.get(decided + 1).data(MemberJoined.class);
        assertEquals(applicant, joined.userId());
        assertEquals(code, joined.entryCode());
        assertEquals("REFERRAL", joined.channel());
        assertEquals(owner, joined.referrerId());
        assertEquals(applicant, joined.displayName());

        as(TestTokens.member(applicant)).get("/communities/{id}", community).then().statusCode(200)
                .body("memberCount", equalTo(3));
        as(TestTokens.operator(owner)).get("/communities/{id}/applications", community).then()
                .body("items", hasSize(0));
        as(TestTokens.operator(owner)).queryParam("status", "APPROVED")
                .get("/communities/{id}/applications", community).then()
                .body("items.id", contains(id));
        as(TestTokens.operator(owner)).get("/communities/{id}/audit", community).then()
                .body("items.find { it.action == 'APPLICATION_APPROVED' }.actorId", equalTo(admin))
                .body("items.find { it.action == 'APPLICATION_APPROVED' }.subjectId", equalTo(applicant))
                .body("items.find { it.action == 'APPLICATION_APPROVED' }.reason", equalTo("Runs nearby"));
    }

    @Test
    void declineRecordsTheReasonAndAdmitsNobodyAndADecisionIsFinal() {
        String owner = "owner-" + UUID.randomUUID();
        String community = screening(owner, null);
        String applicant = "applicant-" + UUID.randomUUID();
        String id = MembershipApi.apply(community, applicant, ANSWERS);

        as(TestTokens.operator(owner)).body(Map.of("approve", false, "reason", "Lives too far"))
                .post("/communities/{id}/applications/{app}/decision", community, id)
                .then().statusCode(200).body("status", equalTo("DECLINED")).body("reason", equalTo("Lives too far"));
        ApplicationDecided decided = KafkaEvents.awaitEvent(EventType.APPLICATION_DECIDED,
                e -> e.subject().equals(community)).data(ApplicationDecided.class);
        assertFalse(decided.approved());
        assertEquals("Lives too far", decided.reason());
        long events = Stored.outboxEvents(community);
        long audited = Stored.auditEntries(community);

        for (boolean approve : new boolean[] { true, false }) {
            as(TestTokens.operator(owner)).body(Map.of("approve", approve))
                    .post("/communities/{id}/applications/{app}/decision", community, id)
                    .then().statusCode(409).body("type", equalTo("https://hearth.dev/problems/application-decided"));
        }
        assertEquals(events, Stored.outboxEvents(community));
        assertEquals(audited, Stored.auditEntries(community));
        as(TestTokens.member(owner)).get("/communities/{id}", community).then().body("memberCount", equalTo(1));
        as(TestTokens.operator(owner)).queryParam("status", "DECLINED")
                .get("/communities/{id}/applications", community).then().body("items.id", contains(id));
        as(TestTokens.operator(owner)).get("/communities/{id}/audit", community).then()
                .body("items.find { it.action == 'APPLICATION_DECLINED' }.reason", equalTo("Lives too far"));

        // Once decided, the person may apply again.
        MembershipApi.apply(community, applicant, ANSWERS);
    }

    @Test
    void approvalInAFullCommunityIsRefusedAndTheApplicationStaysPending() {
        String owner = "owner-" + UUID.randomUUID();
        String community = screening(owner, 2);
        String first = MembershipApi.apply(community, "applicant-" + UUID.randomUUID(), ANSWERS);
        String second = MembershipApi.apply(community, "applicant-" + UUID.randomUUID(), ANSWERS);
        as(TestTokens.operator(owner)).body(Map.of("approve", true))
                .post("/communities/{id}/applications/{app}/decision", community, first).then().statusCode(200);
        KafkaEvents.awaitEvent(EventType.APPLICATION_DECIDED, e -> e.subject().equals(community));
        long events = Stored.outboxEvents(community);
        long audited = Stored.auditEntries(community);

        as(TestTokens.operator(owner)).body(Map.of("approve", true))
                .post("/communities/{id}/applications/{app}/decision", community, second)
                .then().statusCode(422).body("type", equalTo("https://hearth.dev/problems/community-full"));

        assertEquals(events, Stored.outboxEvents(community));
        assertEquals(audited, Stored.auditEntries(community));
        as(TestTokens.operator(owner)).get("/communities/{id}/applications", community).then()
                .body("items.id", contains(second)).body("items[0].status", equalTo("PENDING"));
        // Declining needs no place.
        as(TestTokens.operator(owner)).body(Map.of("approve", false))
                .post("/communities/{id}/applications/{app}/decision", community, second).then().statusCode(200);
    }

    @Test
    void onlyStaffListAndDecideAndUnknownApplicationsAreNotFound() {
        String owner = "owner-" + UUID.randomUUID();
        String community = screening(owner, null);
        String member = "member-" + UUID.randomUUID();
        // Joined while the community was open.
        MembershipApi.update(community, owner, Map.of("admission", "OPEN"));
        MembershipApi.join(community, member);
        MembershipApi.update(community, owner, Map.of("admission", "APPROVAL"));
        String applicant = "applicant-" + UUID.randomUUID();
        String id = MembershipApi.apply(community, applicant, ANSWERS);
        long events = Stored.outboxEvents(community);

        as(TestTokens.member(member)).get("/communities/{id}/applications", community).then().statusCode(403);
        as(TestTokens.member(applicant)).get("/communities/{id}/applications", community).then().statusCode(403);
        as(TestTokens.member(member)).body(Map.of("approve", true))
                .post("/communities/{id}/applications/{app}/decision", community, id).then().statusCode(403);
        as(TestTokens.member(applicant)).body(Map.of("approve", true))
                .post("/communities/{id}/applications/{app}/decision", community, id).then().statusCode(403);
        as(TestTokens.operator(owner)).body(Map.of("approve", true))
                .post("/communities/{id}/applications/{app}/decision", community, UUID.randomUUID())
                .then().statusCode(404).body("type", equalTo("https://hearth.dev/problems/not-found"));
        // Another community's application is not found here either.
        String otherOwner = "owner-" + UUID.randomUUID();
        String other = screening(otherOwner, null);
        as(TestTokens.operator(otherOwner)).body(Map.of("approve", true))
                .post("/communities/{id}/applications/{app}/decision", other, id).then().statusCode(404);
        as(TestTokens.operator(owner)).body(Map.of("reason", "no verdict"))
                .post("/communities/{id}/applications/{app}/decision", community, id)
                .then().statusCode(400).body("violations[0].field", equalTo("approve"));
        as(TestTokens.operator(owner)).queryParam("status", "MAYBE")
                .get("/communities/{id}/applications", community)
                .then().statusCode(400).body("violations[0].field", equalTo("status"));

        assertEquals(events, Stored.outboxEvents(community));
        as(TestTokens.operator(owner)).get("/communities/{id}/applications", community).then()
                .body("items[0].status", equalTo("PENDING"));
    }

    @Test
    void applicationsPageInTheOrderTheyCame() {
        String owner = "owner-" + UUID.randomUUID();
        String community = screening(owner, null);
        String a = MembershipApi.apply(community, "applicant-a-" + UUID.randomUUID(), ANSWERS);
        String b = MembershipApi.apply(community, "applicant-b-" + UUID.randomUUID(), ANSWERS);
        String c = MembershipApi.apply(community, "applicant-c-" + UUID.randomUUID(), ANSWERS);
        String cursor = as(TestTokens.operator(owner)).queryParam("limit", 2)
                .get("/communities/{id}/applications", community).then().statusCode(200)
                .body("items.id", contains(a, b)).extract().path("nextCursor");
        as(TestTokens.operator(owner)).queryParam("limit", 2).queryParam("after", cursor)
                .get("/communities/{id}/applications", community).then().statusCode(200)
                .body("items.id", contains(c)).body("nextCursor", nullValue());
    }

    @Test
    void repeatedIdempotencyKeyReturnsTheSameApplication() {
        String owner = "owner-" + UUID.randomUUID();
        String community = screening(owner, null);
        String applicant = "applicant-" + UUID.randomUUID();
        String first = as(TestTokens.member(applicant)).header("Idempotency-Key", "apply-1")
                .body(Map.of("answers", ANSWERS)).post("/communities/{id}/members", community)
                .then().statusCode(202).extract().path("id");
        String again = as(TestTokens.member(applicant)).header("Idempotency-Key", "apply-1")
                .body(Map.of("answers", ANSWERS)).post("/communities/{id}/members", community)
                .then().statusCode(202).header("Idempotent-Replayed", "true").extract().path("id");
        assertEquals(first, again);
        assertEquals(1, Stored.applications(community));
        assertTrue(KafkaEvents.awaitEvents(EventType.APPLICATION_SUBMITTED, e -> e.subject().equals(community), 1)
                .size() == 1);
    }
}
