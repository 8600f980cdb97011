package io.hearth.activity.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.hearth.activity.domain.Poll;
import io.hearth.activity.domain.PollOption;
import io.hearth.activity.domain.PollVoteOption;
import io.hearth.activity.mapping.CastVoteRequest;
import io.hearth.activity.mapping.CreatePollRequest;
import io.hearth.activity.mapping.PollOptionView;
import io.hearth.activity.mapping.PollResults;
import io.hearth.activity.mapping.PollView;
import io.hearth.activity.repository.PollRepository;
import io.hearth.activity.repository.PollVoteRepository;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.PollCreated;
import io.hearth.contracts.events.VoteCast;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.idempotency.IdempotencyKeys;
import io.hearth.platform.outbox.Outbox;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.ProblemType;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Polls: staff ask, members vote once each until the poll closes. Results are shown to those who voted and to staff
 * while the poll is open, to every member once it is closed, so that nobody decides by looking at others' votes.
 */
@ApplicationScoped
public class PollService {
    static final Duration MAX_AHEAD = Duration.ofDays(365);

    private final PollRepository polls;
    private final PollVoteRepository votes;
    private final CommunityAccess access;
    private final IdempotencyKeys idempotency;
    private final Outbox outbox;
    private final Clock clock;

    public PollService(PollRepository polls, PollVoteRepository votes, CommunityAccess access,
            IdempotencyKeys idempotency, Outbox outbox, Clock clock) {
        this.polls = polls;
        this.votes = votes;
        this.access = access;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Staff (not muted) open a poll; the poll and hearth.poll.created commit together. */
    @WithTransaction
    public Uni<IdempotencyKeys.Outcome<PollView>> create(UUID communityId, CreatePollRequest request, String userId,
            String idempotencyKey) {
        Instant now = clock.instant();
        return Uni.createFrom().item(() -> {
            checkClosesAt(request.closesAt(), now);
            return checkOptions(request.options());
        }).chain(options -> access.requireWriter(communityId.toString(), userId, CommunityAccess.STAFF)
                .chain(role -> idempotency.once("create-poll:" + communityId, userId, idempotencyKey, request,
                        () -> insert(communityId, request, options, userId, now),
                        view -> view.id().toString(),
                        id -> get(communityId, UUID.fromString(id), userId, role))));
    }

    private Uni<PollView> insert(UUID communityId, CreatePollRequest request, List<String> texts, String userId,
            Instant now) {
        Poll poll = new Poll();
        poll.id = UUID.randomUUID();
        poll.communityId = communityId;
        poll.question = request.question().strip();
        poll.multipleChoice = request.isMultipleChoice();
        poll.closesAt = request.closesAt();
        poll.createdBy = userId;
        poll.createdAt = now;
        List<PollOption> options = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            PollOption option = new PollOption();
            option.id = UUID.randomUUID();
            option.communityId = communityId;
            option.pollId = poll.id;
            option.position = (short) i;
            option.text = texts.get(i);
            options.add(option);
        }
        return polls.persist(poll)
                .chain(() -> polls.persistOptions(options))
                .call(polls::flush)
                .chain(() -> outbox.record(new PollCreated(communityId.toString(), poll.id.toString(), poll.question,
                        options.size(), poll.multipleChoice, poll.closesAt, userId), now))
                // The creator is staff: results are theirs to see, and nobody has voted yet.
                .map(ignored -> view(poll, options, null, new PollResults(0, options.stream()
                        .map(o -> new PollResults.OptionVotes(o.id, 0)).toList()), now));
    }

    /** One poll of the community, for its members, with what the caller may see of it. */
    @WithSession
    public Uni<PollView> get(UUID communityId, UUID pollId, String userId) {
        return access.require(communityId.toString(), userId, CommunityAccess.ANY_MEMBER)
                .chain(role -> get(communityId, pollId, userId, role));
    }

    private Uni<PollView> get(UUID communityId, UUID pollId, String userId, CommunityRole role) {
        return polls.findInCommunity(communityId, pollId)
                .onItem().ifNull().failWith(() -> Problems.notFound("No poll " + pollId + " in community "
                        + communityId + "."))
                .chain(poll -> views(communityId, List.of(poll), userId, role))
                .map(views -> views.get(0));
    }

    /** The community's polls, newest first, for its members. */
    @WithSession
    public Uni<Page<PollView>> list(UUID communityId, String userId, long afterSeq, int limit) {
        long before = afterSeq == 0 ? Long.MAX_VALUE : afterSeq;
        return access.require(communityId.toString(), userId, CommunityAccess.ANY_MEMBER)
                .chain(role -> polls.pageNewestFirst(communityId, before, limit)
                        .chain(rows -> {
                            List<Poll> shown = rows.size() > limit ? rows.subList(0, limit) : rows;
                            return views(communityId, shown, userId, role).map(views -> {
                                Map<UUID, PollView> byId = views.stream()
                                        .collect(Collectors.toMap(PollView::id, v -> v));
                                return Page.of(rows, limit, p -> String.valueOf(p.seq), p -> byId.get(p.id));
                            });
                        }));
    }

    /**
     * A member (not muted) votes once in an open poll; the vote and hearth.vote.cast commit together. Answers the poll
     * with its results, which the voter may now see.
     */
    @WithTransaction
    public Uni<PollView> vote(UUID communityId, UUID pollId, CastVoteRequest request, String userId) {
        List<UUID> chosen = request.optionIds();
        if (new HashSet<>(chosen).size() != chosen.size()) {
            return Uni.createFrom().failure(Problems.invalidField("optionIds", "must name each option once"));
        }
        return access.requireWriter(communityId.toString(), userId, CommunityAccess.ANY_MEMBER)
                // Shared with other voters, so that staff closing the poll wait for this vote, or it for the close.
                .chain(role -> polls.lockInCommunity(communityId, pollId, LockModeType.PESSIMISTIC_READ)
                        .onItem().ifNull().failWith(() -> Problems.notFound("No poll " + pollId + " in community "
                                + communityId + "."))
                        .chain(poll -> {
                            Instant now = clock.instant();
                            if (!poll.isOpenAt(now)) {
                                throw Problems.of(ProblemType.POLL_CLOSED, "Poll " + pollId + " closed at "
                                        + poll.closesAt + "; it takes no more votes.");
                            }
                            if (!poll.multipleChoice && chosen.size() > 1) {
                                throw Problems.of(ProblemType.VOTE_OPTIONS_INVALID, "Poll " + pollId + " takes one "
                                        + "option per vote; " + chosen.size() + " were given.");
                            }
                            return polls.options(communityId, List.of(pollId))
                                    .call(options -> checkChosen(pollId, options, chosen))
                                    .call(() -> votes.insertIfAbsent(communityId, pollId, userId, chosen, now)
                                            .invoke(voted -> {
                                                if (!voted) {
                                                    throw Problems.of(ProblemType.ALREADY_VOTED, "You have already "
                                                            + "voted in poll " + pollId + "; a vote is final.");
                                                }
                                            }))
                                    .call(() -> outbox.record(new VoteCast(communityId.toString(), pollId.toString(),
                                            userId, chosen.stream().map(UUID::toString).toList()), now))
                                    .chain(options -> views(communityId, List.of(poll), userId, role))
                                    .map(views -> views.get(0));
                        }));
    }

    /**
     * Staff close an open poll now; closing a closed poll changes nothing (the same answer again). No event: the
     * poll's closesAt in its view tells when it closed.
     */
    @WithTransaction
    public Uni<PollView> close(UUID communityId, UUID pollId, String userId) {
        return access.requireWriter(communityId.toString(), userId, CommunityAccess.STAFF)
                .chain(role -> polls.lockInCommunity(communityId, pollId, LockModeType.PESSIMISTIC_WRITE)
                        .onItem().ifNull().failWith(() -> Problems.notFound("No poll " + pollId + " in community "
                                + communityId + "."))
                        .call(poll -> {
                            Instant now = clock.instant();
                            if (!poll.isOpenAt(now)) {
                                return Uni.createFrom().voidItem();
                            }
                            poll.closesAt = now;
                            poll.closedBy = userId;
                            return polls.flush();
                        })
                        .chain(poll -> views(communityId, List.of(poll), userId, role))
                        .map(views -> views.get(0)));
    }

    /**
     * The polls as {@code userId} sees them: their own vote, and results where they may see them (staff always,
     * voters while open, everyone once closed). Three queries for a whole page, whatever its size.
     */
    private Uni<List<PollView>> views(UUID communityId, List<Poll> shown, String userId, CommunityRole role) {
        Instant now = clock.instant();
        boolean staff = CommunityAccess.STAFF.contains(role);
        List<UUID> ids = shown.stream().map(p -> p.id).toList();
        return polls.options(communityId, ids).chain(options -> votes.choicesOf(communityId, ids, userId)
                .chain(mine -> {
                    Map<UUID, List<UUID>> myVotes = mine.stream().collect(Collectors.groupingBy(v -> v.pollId,
                            Collectors.mapping(v -> v.optionId, Collectors.toList())));
                    List<UUID> visible = shown.stream()
                            .filter(p -> staff || !p.isOpenAt(now) || myVotes.containsKey(p.id))
                            .map(p -> p.id).toList();
                    return votes.tallies(communityId, visible).chain(tallies -> votes
                            .voterCounts(communityId, visible).map(voters -> {
                                Map<UUID, List<PollOption>> optionsOf = options.stream()
                                        .collect(Collectors.groupingBy(o -> o.pollId));
                                Map<UUID, Long> votesOf = tallies.stream().collect(Collectors.toMap(
                                        PollVoteRepository.OptionTally::optionId,
                                        PollVoteRepository.OptionTally::votes));
                                Map<UUID, Long> votersOf = voters.stream().collect(Collectors.toMap(
                                        PollVoteRepository.VoterCount::pollId, PollVoteRepository.VoterCount::voters));
                                Set<UUID> withResults = Set.copyOf(visible);
                                return shown.stream().map(p -> {
                                    List<PollOption> own = optionsOf.getOrDefault(p.id, List.of());
                                    PollResults results = withResults.contains(p.id)
                                            ? new PollResults(votersOf.getOrDefault(p.id, 0L), own.stream()
                                                    .map(o -> new PollResults.OptionVotes(o.id,
                                                            votesOf.getOrDefault(o.id, 0L)))
                                                    .toList())
                                            : null;
                                    return view(p, own, ordered(own, myVotes.get(p.id)), results, now);
                                }).toList();
                            }));
                }));
    }

    /** The caller's chosen option ids in the poll's option order, or null if they did not vote. */
    private static List<UUID> ordered(List<PollOption> options, List<UUID> chosen) {
        if (chosen == null) {
            return null;
        }
        return options.stream().map(o -> o.id).filter(chosen::contains).toList();
    }

    private static PollView view(Poll poll, List<PollOption> options, List<UUID> myVote, PollResults results,
            Instant now) {
        return new PollView(poll.id, poll.communityId, poll.question,
                options.stream().map(PollOptionView::of).toList(), poll.multipleChoice, poll.closesAt,
                poll.isOpenAt(now), poll.createdBy, poll.createdAt, poll.closedBy, myVote, results);
    }

    private static Uni<Void> checkChosen(UUID pollId, List<PollOption> options, List<UUID> chosen) {
        Set<UUID> offered = options.stream().map(o -> o.id).collect(Collectors.toSet());
        List<UUID> unknown = chosen.stream().filter(id -> !offered.contains(id)).toList();
        if (!unknown.isEmpty()) {
            return Uni.createFrom().failure(Problems.of(ProblemType.VOTE_OPTIONS_INVALID, "Poll " + pollId
                    + " has no option " + unknown.stream().map(UUID::toString).collect(Collectors.joining(", "))
                    + "."));
        }
        return Uni.createFrom().voidItem();
    }

    /** The options as stored: trimmed, each different from the others ignoring case. */
    static List<String> checkOptions(List<String> options) {
        List<String> texts = options.stream().map(String::strip).toList();
        Set<String> seen = new LinkedHashSet<>();
        for (String text : texts) {
            if (!seen.add(text.toLowerCase(Locale.ROOT))) {
                throw Problems.invalidField("options", "must differ from each other; \"" + text
                        + "\" is given twice (case and surrounding spaces do not count)");
            }
        }
        return texts;
    }

    static void checkClosesAt(Instant closesAt, Instant now) {
        if (!closesAt.isAfter(now)) {
            throw Problems.invalidField("closesAt", "must be in the future (it was " + closesAt + ", now is " + now
                    + ")");
        }
        if (closesAt.isAfter(now.plus(MAX_AHEAD))) {
            throw Problems.invalidField("closesAt", "must be at most a year ahead");
        }
    }
}
