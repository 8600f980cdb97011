package io.hearth.analytics.rest;

import java.time.Instant;
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

import io.hearth.analytics.mapping.FunnelQuery;
import io.hearth.analytics.mapping.ReferrerParams;
import io.hearth.analytics.mapping.ReferrerRankingView;
import io.hearth.analytics.service.AcquisitionService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities/{communityId}/referrers")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Funnels")
public class ReferrerResource {
    private final AcquisitionService acquisition;
    private final Caller caller;

    public ReferrerResource(AcquisitionService acquisition, Caller caller) {
        this.acquisition = acquisition;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listReferrers", summary = "Referrers ranked by the quality of the people they brought",
            description = "For the owner and admins of the community (not partners: it names members). "
                    + "An invitee of a referrer is a person whose first join of the community as a member (ever, "
                    + "so a rejoin is not counted again) has an event time in [from, to] and whose first touch, the "
                    + "earliest of their openings of the community's entries and live codes and of their joins, "
                    + "was a REFERRAL entry of that referrer; an anonymous opening counts for the person whose join carries its "
                    + "visitor id. Staff (owners and admins now) are left out. Per referrer: invitees; activated, "
                    + "invitees active (a post, reply, reaction or check-in) at or after their join and before "
                    + "join + 7 days, and "
                    + "activationRate = activated / invitees, with activationIncomplete (joined less than 7 days ago, "
                    + "not active yet) reported beside it and kept in the denominator; retainedDay30, invitees active "
                    + "on day 30, where day 0 is the UTC calendar day of their join (METRICS.md N-day retention, "
                    + "\"on\" day N), and retentionRateDay30 = retainedDay30 / the invitees whose day 30 is over: "
                    + "those whose day 30 has not fully passed are retentionIncomplete, never counted as not "
                    + "retained; paid, invitees with at least one successful payment in the community at or after "
                    + "their join (up to now), and paidRate = paid / invitees. Ratios with a denominator of 0 are 0 "
                    + "and are not rounded. The list is ordered by activated invitees (most first), then "
                    + "activationRate (highest first), then referrerId; never by the raw number of invitees. Every "
                    + "time is the event time, in UTC.")
    @APIResponse(responseCode = "200", description = "The referrers, best first")
    @APIResponse(responseCode = "400", description = "from or to is not an ISO date or instant, or to is before "
            + "from; each is listed in violations")
    @APIResponse(responseCode = "403", description = "The caller is not the owner or an admin of this community",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden"))
    public Uni<ReferrerRankingView> referrers(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @BeanParam ReferrerParams params) {
        FunnelQuery period = params.toQuery(Instant.now());
        return acquisition.referrers(communityId, caller.id(), period);
    }
}
