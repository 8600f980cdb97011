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

import io.hearth.analytics.mapping.FunnelParams;
import io.hearth.analytics.mapping.FunnelQuery;
import io.hearth.analytics.mapping.FunnelView;
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
    private final Caller caller;

    public FunnelResource(FunnelService funnels, Caller caller) {
        this.funnels = funnels;
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
        FunnelQuery query = params.toQuery(Instant.now());
        return caller.partnerClientId()
                .map(client -> funnels.lifecycleForPartner(communityId, client, query))
                .orElseGet(() -> funnels.lifecycle(communityId, caller.id(), query));
    }
}
