package io.hearth.analytics.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.analytics.domain.FunnelStep;
import io.hearth.analytics.domain.ItemFunnel;
import io.hearth.analytics.mapping.AcquisitionFunnelParams;
import io.hearth.analytics.mapping.AcquisitionFunnelView;
import io.hearth.analytics.mapping.AcquisitionQuery;
import io.hearth.analytics.mapping.FunnelParams;
import io.hearth.analytics.mapping.FunnelQuery;
import io.hearth.analytics.mapping.FunnelView;
import io.hearth.analytics.service.AcquisitionService;
import io.hearth.analytics.service.FunnelService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities/{communityId}/funnels")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Funnels")
public class FunnelResource {
    private final FunnelService funnels;
    private final AcquisitionService acquisition;
    private final Caller caller;

    public FunnelResource(FunnelService funnels, AcquisitionService acquisition, Caller caller) {
        this.funnels = funnels;
        this.acquisition = acquisition;
        this.caller = caller;
    }

    @GET
    @Path("/lifecycle")
    @Operation(operationId = "getLifecycleFunnel", summary = "Member lifecycle funnel: joined -> posted -> checked in -> paid",
            description = "For the owner and admins of the community, and partner clients granted analytics:read. "
                    + "Counts distinct people. A person enters the funnel (step joined) with their first join of the "
                    + "community as a member whose event time falls in [from, to]; someone who joined, left and "
                    + "rejoined is one person, entering at their first join in the period. Owners and admins (also "
                    + "members made admins since) are staff and are not counted. A person reaches a later step "
                    + "when they did it after the step "
                    + "before it (at the same moment or later) and before their conversion window closes, counted "
                    + "from their entry: posted = their first post, checked_in = their first check-in after that, "
                    + "paid = their first successful payment after that. Doing a step out of order (paying before "
                    + "posting) or after the window does not convert. "
                    + "For each step: count; conversionFromPrevious (count / previous step's count) and "
                    + "conversionFromFirst (count / step 1's count), each 0 when the denominator is 0; the median "
                    + "and mean seconds from entering to reaching the step, over the people who reached it (absent "
                    + "when nobody did); and incomplete: people who have not reached the step but entered less than "
                    + "one window before now, so may still reach it - they are reported apart, not as dropped. "
                    + "Every time is the event time (when it happened), in UTC; events that arrive late are counted "
                    + "at their time.")
    @APIResponse(responseCode = "200", description = "The funnel")
    @APIResponse(responseCode = "400", description = "from or to is not an ISO date or instant, to is before from, "
            + "or windowDays is not a whole number from 1 to 365; each is listed in violations")
    @APIResponse(responseCode = "403", description = "The caller is not the owner or an admin of this community; or "
            + "a partner client whose grant lacks analytics:read",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,partner-scope-missing"))
    public Uni<FunnelView> lifecycle(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @BeanParam FunnelParams params) {
        return funnel(FunnelService.LIFECYCLE, communityId, params);
    }

    @GET
    @Path("/participation")
    @Operation(operationId = "getParticipationFunnel",
            summary = "Participation funnel: joined -> reacted -> replied -> posted",
            description = "For the owner and admins of the community, and partner clients granted analytics:read. "
                    + "The ladder of participation: how many newcomers go from reading to reacting, to answering "
                    + "others, to starting conversations of their own. Counts distinct people. A person enters "
                    + "(step joined) with their first join of the community as a member whose event time falls in "
                    + "[from, to]; staff (owners and admins, also members made admins since) are not counted. "
                    + "reacted = their first reaction to a post, replied = their first reply after that, posted = "
                    + "their first post after that, each at or after the step before it and before their "
                    + "conversion window (windowDays from entering) closes; a step done before the one before it "
                    + "does not convert (someone who posts first and reacts later has not climbed the ladder yet). "
                    + "For each step: count; conversionFromPrevious and conversionFromFirst, each 0 when the "
                    + "denominator is 0; the median and mean seconds from entering to reaching the step, over the "
                    + "people who reached it (absent when nobody did); and incomplete: people who have not reached "
                    + "the step but entered less than one window before now. Every time is the event time, in UTC.")
    @APIResponse(responseCode = "200", description = "The funnel")
    @APIResponse(responseCode = "400", description = "from or to is not an ISO date or instant, to is before from, "
            + "or windowDays is not a whole number from 1 to 365; each is listed in violations")
    @APIResponse(responseCode = "403", description = "The caller is not the owner or an admin of this community; or "
            + "a partner client whose grant lacks analytics:read",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,partner-scope-missing"))
    public Uni<FunnelView> participation(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @BeanParam FunnelParams params) {
        return funnel(FunnelService.PARTICIPATION, communityId, params);
    }

    @GET
    @Path("/questions")
    @Operation(operationId = "getQuestionFunnel", summary = "Question funnel: asked -> replied -> accepted",
            description = "For the owner and admins of the community, and partner clients granted analytics:read. "
                    + "How the community answers its questions; counts questions, not people. A question (a post of "
                    + "kind QUESTION, by anyone, staff included) enters when it is asked with an event time in "
                    + "[from, to]; questions taken down since are left out. replied = its first reply by someone "
                    + "other than the asker (replies taken down since do not count), accepted = the first time an "
                    + "answer was accepted, at or after that reply; each before the window (windowDays from the "
                    + "asking) closes. For each step: count, conversionFromPrevious and conversionFromFirst (0 when "
                    + "the denominator is 0), the median and mean seconds from asking (the time to a first reply, "
                    + "and to an accepted answer), and incomplete: questions asked less than one window before now "
                    + "that may still get there. Every time is the event time, in UTC.")
    @APIResponse(responseCode = "200", description = "The funnel, countingUnit question")
    @APIResponse(responseCode = "400", description = "from or to is not an ISO date or instant, to is before from, "
            + "or windowDays is not a whole number from 1 to 365; each is listed in violations")
    @APIResponse(responseCode = "403", description = "The caller is not the owner or an admin of this community; or "
            + "a partner client whose grant lacks analytics:read",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,partner-scope-missing"))
    public Uni<FunnelView> questions(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @BeanParam FunnelParams params) {
        return itemFunnel(ItemFunnel.QUESTIONS, communityId, params);
    }

    @GET
    @Path("/events")
    @Operation(operationId = "getEventFunnel", summary = "Event funnel: registered -> got a place -> attended",
            description = "For the owner and admins of the community, and partner clients granted analytics:read. "
                    + "How registrations for the community's events turn into people in the room; counts "
                    + "registrations (one person for one event), not people. A registration enters with the "
                    + "person's first registration for that event (REGISTERED or WAITLISTED) with an event time in "
                    + "[from, to]; staff registering count too. got_place = the first time they held a place at or "
                    + "after that (registered with a place at once, or promoted from the waitlist), attended = their "
                    + "attendance at or after that. Whoever cancels stays counted where they got to. The event "
                    + "itself is the window: windowDays plays no part, and a registration is incomplete (not "
                    + "dropped) at the steps it has not reached while its event has not ended. For each step: count, "
                    + "conversionFromPrevious and conversionFromFirst (0 when the denominator is 0), the median and "
                    + "mean seconds from registering. Every time is the event time, in UTC.")
    @APIResponse(responseCode = "200", description = "The funnel, countingUnit registration")
    @APIResponse(responseCode = "400", description = "from or to is not an ISO date or instant, to is before from, "
            + "or windowDays is not a whole number from 1 to 365; each is listed in violations")
    @APIResponse(responseCode = "403", description = "The caller is not the owner or an admin of this community; or "
            + "a partner client whose grant lacks analytics:read",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,partner-scope-missing"))
    public Uni<FunnelView> events(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @BeanParam FunnelParams params) {
        return itemFunnel(ItemFunnel.EVENTS, communityId, params);
    }

    @GET
    @Path("/challenges")
    @Operation(operationId = "getChallengeFunnel", summary = "Challenge funnel: joined -> checked in -> completed",
            description = "For the owner and admins of the community, and partner clients granted analytics:read. "
                    + "Whether the community's challenges carry people to their goal; counts participations (one "
                    + "person in one challenge), not people. A participation enters when the person joins the "
                    + "challenge with an event time in [from, to]. checked_in = their first check-in for one of the "
                    + "challenge's days (a check-in before joining but for one of its days counts toward the goal, "
                    + "and here at the join); completed = their reaching its goal (hearth.challenge.completed). The "
                    + "challenge is the window: windowDays plays no part, and a participation is incomplete (not "
                    + "dropped) at the steps it has not reached until the challenge's last day has ended everywhere "
                    + "(startsOn + days, 12:00 UTC). For each step: count, conversionFromPrevious and "
                    + "conversionFromFirst (0 when the denominator is 0), the median and mean seconds from joining. "
                    + "Every time is the event time, in UTC; days are the community's, as each check-in recorded.")
    @APIResponse(responseCode = "200", description = "The funnel, countingUnit participation")
    @APIResponse(responseCode = "400", description = "from or to is not an ISO date or instant, to is before from, "
            + "or windowDays is not a whole number from 1 to 365; each is listed in violations")
    @APIResponse(responseCode = "403", description = "The caller is not the owner or an admin of this community; or "
            + "a partner client whose grant lacks analytics:read",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,partner-scope-missing"))
    public Uni<FunnelView> challenges(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @BeanParam FunnelParams params) {
        return itemFunnel(ItemFunnel.CHALLENGES, communityId, params);
    }

    private Uni<FunnelView> itemFunnel(ItemFunnel funnel, UUID communityId, FunnelParams params) {
        FunnelQuery query = params.toQuery(Instant.now());
        return caller.partnerClientId()
                .map(client -> funnels.itemFunnelForPartner(funnel, communityId, client, query))
                .orElseGet(() -> funnels.itemFunnel(funnel, communityId, caller.id(), query));
    }

    private Uni<FunnelView> funnel(List<FunnelStep> steps, UUID communityId, FunnelParams params) {
        FunnelQuery query = params.toQuery(Instant.now());
        return caller.partnerClientId()
                .map(client -> funnels.funnelForPartner(steps, communityId, client, query))
                .orElseGet(() -> funnels.funnel(steps, communityId, caller.id(), query));
    }

    @GET
    @Path("/acquisition")
    @Operation(operationId = "getAcquisitionFunnel",
            summary = "Acquisition funnel: opened an entry -> joined -> activated, optionally per first-touch value",
            description = "For the owner and admins of the community, and partner clients granted analytics:read. "
                    + "Counts distinct people. Who is one person: an opening (hearth.entry.opened) of one of the "
                    + "community's entries or live codes is made by a visitor id, and by a user when signed in; a "
                    + "join that carries the visitor id of an opening makes that visitor the person who joined (the "
                    + "anonymous opening and the join are one journey), and a signed-in opening is its user's. A "
                    + "visitor nobody joined as is a person of their own. "
                    + "Step opened (entering): a person enters with their FIRST opening whose event time is in "
                    + "[from, to]; opening again, the same or another entry, does not enter them again, and openings "
                    + "before `from` do not make anyone enter (the person entered an earlier period's funnel with "
                    + "them). A join that follows none of the person's openings within the window (a join with no "
                    + "recorded opening) counts as opened at the join, and the person enters there if that is "
                    + "earlier in the period than their first opening. Openings by someone who was a member at that "
                    + "moment are not acquisition and are ignored. Owners and admins (also members made admins "
                    + "since) are staff: neither their openings nor their joins count, so the owner's own join is not "
                    + "an acquisition. "
                    + "Step joined: the person's first join as a member at or after entering and before entry + "
                    + "windowDays (whole UTC days of 24 hours; a join at exactly entry + windowDays is outside). "
                    + "Step activated: their first activity (a post, reply, reaction or check-in; the list of "
                    + "activity events "
                    + "every Hearth metric uses) at or after that join and before join + 7 days. "
                    + "For each step: count; conversionFromPrevious (count / previous step's count) and "
                    + "conversionFromFirst (count / step 1's count), each 0 when the denominator is 0; the median "
                    + "(of an even count, the mean of the two middle values) and mean seconds from entering to "
                    + "reaching the step, over the people who reached it (0 for opened; absent when nobody did); and "
                    + "incomplete: people who have not reached the step but still may. Someone not joined is "
                    + "incomplete at joined and activated while entry + windowDays is after now; someone joined but "
                    + "not active is incomplete at activated while join + 7 days is after now. Incomplete people stay "
                    + "in the conversion denominators and are reported beside them, not as dropped. "
                    + "breakdown adds one funnel per value of the person's first touch: the earliest of all their "
                    + "openings and joins in the community (openings before `from` included), attributed to that "
                    + "entry's source label, channel or referrer; a person whose first touch is a join through no "
                    + "entry is `direct`, and an entry with no value for the breakdown (no source label, not a "
                    + "referral) is `none`. A join that came through an entry without a recorded opening is "
                    + "attributed to that entry. Every time is the event time, in UTC; events that arrive late count "
                    + "at their time.")
    @APIResponse(responseCode = "200", description = "The funnel, and with breakdown one funnel per value")
    @APIResponse(responseCode = "400", description = "from or to is not an ISO date or instant, to is before from, "
            + "windowDays is not a whole number from 1 to 365, or breakdown is not source, channel or referrer; each "
            + "is listed in violations")
    @APIResponse(responseCode = "403", description = "The caller is not the owner or an admin of this community; or "
            + "a partner client whose grant lacks analytics:read",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,partner-scope-missing"))
    public Uni<AcquisitionFunnelView> acquisition(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @BeanParam AcquisitionFunnelParams params) {
        AcquisitionQuery query = params.toQuery(Instant.now());
        return caller.partnerClientId()
                .map(client -> acquisition.funnelForPartner(communityId, client, query))
                .orElseGet(() -> acquisition.funnel(communityId, caller.id(), query));
    }
}
