package io.hearth.contracts.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EventSchemaValidatorTest {
    private final EventSchemaValidator validator = new EventSchemaValidator();
    private final String community = UUID.randomUUID().toString();

    @Test
    void everyEventTypeHasASchemaThatAcceptsItsJavaPayload() {
        List<EventData> samples = List.of(
                new CommunityCreated(community, "Runners", "run together", "HOBBY", 50, "u1", "Asia/Shanghai",
                        "APPROVAL"),
                new CommunityUpdated(community, "Runners", "run together", "Be kind", "Asia/Shanghai", "OPEN",
                        List.of("Why do you run?"), 60, "u1"),
                new CommunityTierChanged(community, "SMALL", "MEDIUM", 50),
                new EntryCreated(community, "abc123", "INVITE_LINK", "u1", "poster", Instant.now(), 100),
                new EntryOpened(community, "v-1", "abc123", null, "REFERRAL", "poster", "u1", null),
                new ApplicationSubmitted(community, UUID.randomUUID().toString(), "u2", "abc123", "v-1"),
                new ApplicationDecided(community, UUID.randomUUID().toString(), "u2", true, "u1", "Welcome"),
                new MemberJoined(community, "u2", CommunityRole.MEMBER, "abc123", "INVITE_LINK", null, "poster",
                        null, "v-1", "Wei"),
                new MemberLeft(community, "u2", "u1", "spam"),
                new MemberRoleChanged(community, "u2", CommunityRole.ADMIN, CommunityRole.MEMBER, "u1"),
                new MemberMuted(community, "u2", Instant.now(), "flooding", "u1"),
                new MemberUnmuted(community, "u2", "u1"),
                new MemberBanned(community, "u2", "spam", "u1"),
                new MemberUnbanned(community, "u2", "u1"),
                new PartnerAccessGranted(community, "partner-demo",
                        List.of(PartnerScope.MEMBERS_READ, PartnerScope.EVENTS_SUBSCRIBE), "u1"),
                new PartnerAccessRevoked(community, "partner-demo", "u1"),
                new PostCreated(community, UUID.randomUUID().toString(), "u2", List.of("training"), 12),
                new PostEdited(community, UUID.randomUUID().toString(), UUID.randomUUID().toString(), "u2", null, 7),
                new PostRemoved(community, UUID.randomUUID().toString(), null, "u2", "u1", "spam"),
                new ReplyCreated(community, UUID.randomUUID().toString(), UUID.randomUUID().toString(), "u3", "u2", 9),
                new ReactionAdded(community, UUID.randomUUID().toString(), "u3", "insightful", "u2"),
                new ReactionRemoved(community, UUID.randomUUID().toString(), "u3", "like"),
                new AnswerAccepted(community, UUID.randomUUID().toString(), UUID.randomUUID().toString(), "u3", "u2"),
                new PostFeatured(community, UUID.randomUUID().toString(), "u2", "hearth", true),
                new PostUnfeatured(community, UUID.randomUUID().toString(), "u1"),
                new AnnouncementPublished(community, UUID.randomUUID().toString(), "u1", true),
                new AnnouncementRead(community, UUID.randomUUID().toString(), "u2"),
                new WelcomePosted(community, UUID.randomUUID().toString(), List.of("u2", "u3")),
                new BroadcastPublished(community, UUID.randomUUID().toString(), UUID.randomUUID().toString(), "u1",
                        List.of(community, UUID.randomUUID().toString())),
                new RuleBreached(community, "u2", "blocked-word", 3, 60),
                new CheckInRecorded(community, "u2", LocalDate.of(2026, 11, 21), 3),
                new NoticeIssued(community, "u2", "event-reminder", "Meetup tomorrow 9:00", null, "event-1"),
                new ChallengeCreated(community, UUID.randomUUID().toString(), "21 days of running",
                        LocalDate.of(2026, 12, 1), 21, 18, "u1"),
                new ChallengeJoined(community, UUID.randomUUID().toString(), "u2"),
                new ChallengeCompleted(community, UUID.randomUUID().toString(), "u2", 18),
                new PollCreated(community, UUID.randomUUID().toString(), "Next route?", 3, false, Instant.now(), "u1"),
                new VoteCast(community, UUID.randomUUID().toString(), "u2", List.of(UUID.randomUUID().toString())),
                new EventCreated(community, UUID.randomUUID().toString(), "Sunday long run", Instant.now(),
                        Instant.now().plusSeconds(7200), 20, false, "u1"),
                new EventRegistered(community, UUID.randomUUID().toString(), "u2", "WAITLISTED", 3),
                new EventRegistrationCancelled(community, UUID.randomUUID().toString(), "u2", "REGISTERED"),
                new EventWaitlistPromoted(community, UUID.randomUUID().toString(), "u3"),
                new EventAttended(community, UUID.randomUUID().toString(), "u2"),
                new LotteryCreated(community, UUID.randomUUID().toString(), "A pair of running shoes", 1,
                        Instant.now(), "0".repeat(64), "u1"),
                new LotteryDrawn(community, UUID.randomUUID().toString(), "ab".repeat(32), 40, List.of("u2")),
                new PlanCreated(community, UUID.randomUUID().toString(), "Gold", new Money(990, "CNY"), 30, 7, 1000,
                        List.of(new PlanGrant(GrantKind.COMMUNITY, null),
                                new PlanGrant(GrantKind.TOPIC, "marathon"))),
                new OrderPlaced(community, UUID.randomUUID().toString(), UUID.randomUUID().toString(), "u2",
                        new Money(990, "CNY")),
                new PaymentSucceeded(community, UUID.randomUUID().toString(), UUID.randomUUID().toString(), "u2",
                        new Money(990, "CNY"), "pay_1"),
                new PaymentFailed(community, UUID.randomUUID().toString(), UUID.randomUUID().toString(), "u2",
                        "DECLINED", "pay_2"),
                new OfferViewed(community, "u2", List.of(UUID.randomUUID().toString())),
                new OrderExpired(community, UUID.randomUUID().toString(), UUID.randomUUID().toString(), "u2"),
                new PaymentRefunded(community, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(), "u2", new Money(490, "CNY"), 490, 990, false, "late", "re_1"),
                new SubscriptionStarted(community, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(), "u2", SubscriptionStatus.TRIALING, Instant.now()),
                new SubscriptionRenewed(community, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(), "u2", new Money(990, "CNY"), Instant.now(), true),
                new SubscriptionPastDue(community, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(), "u2", Instant.now()),
                new SubscriptionExpired(community, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(), "u2", SubscriptionExpired.Reason.LAPSED),
                new EntitlementGranted(community, "u2", UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                        List.of(new PlanGrant(GrantKind.EVENT, UUID.randomUUID().toString())), null),
                new EntitlementRevoked(community, "u2", UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                        List.of(new PlanGrant(GrantKind.COMMUNITY, null)),
                        EntitlementRevoked.Reason.REFUNDED),
                new CommissionEarned(community, UUID.randomUUID().toString(), "u1", "u2",
                        UUID.randomUUID().toString(), new Money(99, "CNY"), Instant.now()),
                new CommissionReleased(community, UUID.randomUUID().toString(), "u1", new Money(99, "CNY")),
                new CommissionClawedBack(community, UUID.randomUUID().toString(), "u1", UUID.randomUUID().toString(),
                        new Money(49, "CNY"), new Money(50, "CNY")),
                new TrustGateOverridden(community, UUID.randomUUID().toString(), "u1", "Relaunch of an old circle",
                        3, 40, 2));
        assertEquals(EventType.values().length, samples.size());
        for (EventData sample : samples) {
            EventType type = EventType.of(sample);
            assertEquals(List.of(), validator.violations(type.type(), EventJson.write(sample)), type.type());
        }
    }

    @Test
    void missingRequiredFieldIsAViolation() {
        List<String> violations = validator.violations("hearth.member.joined",
                "{\"communityId\":\"" + community + "\",\"role\":\"MEMBER\"}");
        assertFalse(violations.isEmpty());
        assertTrue(violations.stream().anyMatch(v -> v.contains("userId")), violations.toString());
    }

    @Test
    void floatMoneyAndLowercaseCurrencyAreViolations() {
        String data = "{\"communityId\":\"" + community + "\",\"planId\":\"" + UUID.randomUUID()
                + "\",\"name\":\"Gold\",\"price\":{\"amountMinor\":9.9,\"currency\":\"cny\"},\"periodDays\":30}";
        assertEquals(2, validator.violations("hearth.plan.created", data).size());
    }

    @Test
    void partnerScopesTravelAsTheirNamesAndOthersAreViolations() {
        String json = EventJson.write(new PartnerAccessGranted(community, "partner-demo",
                List.of(PartnerScope.POSTS_WRITE), "u1"));
        assertTrue(json.contains("\"scopes\":[\"posts:write\"]"), json);
        assertEquals(List.of(PartnerScope.POSTS_WRITE),
                EventJson.read(json, PartnerAccessGranted.class).scopes());
        assertFalse(validator.violations("hearth.partner.access-granted",
                json.replace("posts:write", "admin:everything")).isEmpty());
        assertFalse(validator.violations("hearth.partner.access-granted",
                json.replace("[\"posts:write\"]", "[]")).isEmpty());
    }

    @Test
    void unknownTypeIsRejected() {
        assertFalse(validator.violations("hearth.member.teleported", "{}").isEmpty());
    }
}
