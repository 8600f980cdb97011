package io.hearth.activity.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.activity.mapping.CreateLotteryRequest;
import io.hearth.activity.mapping.LotteryView;
import io.hearth.activity.service.LotteryService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.PageParams;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities/{communityId}/lotteries")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lotteries")
public class LotteryResource {
    private static final String LOTTERY_ID = "Id of the lottery";

    private final LotteryService lotteries;
    private final Caller caller;

    public LotteryResource(LotteryService lotteries, Caller caller) {
        this.lotteries = lotteries;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "createLottery", summary = "Create a lottery",
            description = "For the community's owner and admins. Hearth draws a secret random 32-byte seed and "
                    + "answers with its commitment, the lowercase hex SHA-256 of those 32 bytes; the seed itself is "
                    + "shown only after the draw. At drawAt the lottery is drawn once: everyone eligible then (every "
                    + "current member, or those with at least minCheckIns check-ins within the last withinDays days "
                    + "of the community's calendar) is scored with the lowercase hex SHA-256 of the UTF-8 text "
                    + "seedHex + ':' + userId, and the winners lowest scores win. Publishes hearth.lottery.created; "
                    + "the draw publishes hearth.lottery.drawn and puts a notice (kind lottery-won) in each winner's "
                    + "inbox.")
    @APIResponse(responseCode = "201", description = "The lottery, OPEN, with its commitment; Location points at it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LotteryView.class)),
            headers = @Header(name = "Location", ref = ApiDocs.LOCATION))
    @APIResponse(responseCode = "400", description = "The body is invalid: a blank or too long prize, winners "
            + "outside 1..1000, an eligibility whose fields do not fit its kind (minCheckIns above withinDays "
            + "included), or a drawAt not in the future or more than 366 days ahead")
    @APIResponse(responseCode = "403", description = "Not the owner or an admin of this community; or one whom the "
            + "owner muted, until the time the detail names",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,muted"))
    public Uni<Response> create(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @NotNull CreateLotteryRequest request) {
        return lotteries.create(communityId, request, caller.id())
                .map(view -> Response.created(URI.create("/communities/" + communityId + "/lotteries/" + view.id()))
                        .entity(view).build());
    }

    @GET
    @Operation(operationId = "listLotteries", summary = "List the community's lotteries",
            description = "For members of the community: its lotteries in the order they were created, paged with "
                    + "after/limit. An OPEN one shows its commitment but not its seed; a DRAWN one also its seedHex, "
                    + "eligibleCount and winnerIds (read one lottery for every eligible member's score).")
    @APIResponse(responseCode = "200", description = "A page of lotteries")
    @APIResponse(responseCode = "403", description = "Not a member of this community")
    public Uni<Page<LotteryView>> list(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @BeanParam PageParams page) {
        return lotteries.list(communityId, caller.id(), page.afterSeq(), page.limit);
    }

    @GET
    @Path("/{lotteryId}")
    @Operation(operationId = "getLottery", summary = "Read a lottery, and once drawn, check it",
            description = "For members of the community. While OPEN: its terms and commitment. Once DRAWN also "
                    + "seedHex, everyone who was eligible with their score (lowest first) and the winners, so that "
                    + "anyone can check that SHA-256 of the seed's 32 bytes is the commitment, recompute each score "
                    + "as SHA-256 of the UTF-8 text seedHex + ':' + userId, and find the winners among the lowest.")
    @APIResponse(responseCode = "200", description = "The lottery")
    @APIResponse(responseCode = "403", description = "Not a member of this community")
    @APIResponse(responseCode = "404", description = "No lottery with this id in this community")
    public Uni<LotteryView> get(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = LOTTERY_ID) @PathParam("lotteryId") UUID lotteryId) {
        return lotteries.get(communityId, lotteryId, caller.id());
    }

    @POST
    @Path("/{lotteryId}/draw")
    @Operation(operationId = "drawLottery", summary = "Draw a due lottery now",
            description = "For the community's owner and admins: draws the lottery now instead of waiting for the "
                    + "scheduler, which draws it within seconds of drawAt anyway. Not before drawAt, and never a "
                    + "second time, whoever drew it first. Publishes what the scheduled draw publishes. No body is "
                    + "needed; a body, such as {}, is ignored.")
    @APIResponse(responseCode = "200", description = "The drawn lottery, with the seed, every score and the winners",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LotteryView.class)))
    @APIResponse(responseCode = "403", description = "Not the owner or an admin of this community; or one whom the "
            + "owner muted, until the time the detail names",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,muted"))
    @APIResponse(responseCode = "404", description = "No lottery with this id in this community")
    @APIResponse(responseCode = "409", description = "drawAt has not come yet (lottery-not-due), or the lottery was "
            + "drawn already (lottery-drawn)",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "lottery-not-due,lottery-drawn"))
    public Uni<LotteryView> draw(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = LOTTERY_ID) @PathParam("lotteryId") UUID lotteryId) {
        return lotteries.drawNow(communityId, lotteryId, caller.id());
    }
}
