package io.hearth.content.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import io.hearth.content.mapping.AnnouncementStatsView;
import io.hearth.content.mapping.AnnouncementView;
import io.hearth.content.mapping.CreateAnnouncementRequest;
import io.hearth.content.mapping.UnreadMemberView;
import io.hearth.content.service.AnnouncementService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.PageParams;
import io.hearth.platform.rest.Responses;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities/{communityId}/announcements")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Announcements")
public class AnnouncementResource {
    private static final String ANNOUNCEMENT_ID = "Id of the announcement";

    private final AnnouncementService announcements;
    private final Caller caller;

    public AnnouncementResource(AnnouncementService announcements, Caller caller) {
        this.announcements = announcements;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "createAnnouncement", summary = "Announce something to the community",
            description = "For the owner and admins (not while muted). The caller is the author. Publishes "
                    + "hearth.announcement.published, which carries neither title nor body. Send an Idempotency-Key "
                    + "to make a retry return the same announcement instead of a second one.")
    @APIResponse(responseCode = "201", description = "The announcement; Location points at it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnnouncementView.class)),
            headers = @Header(name = "Location", ref = ApiDocs.LOCATION))
    @APIResponse(responseCode = "403", description = "Not the owner or an admin of this community (members included), "
            + "or staff muted until the time the detail names",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,muted"))
    public Uni<Response> create(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @NotNull CreateAnnouncementRequest request,
            @Parameter(ref = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return announcements.create(communityId, request, caller.id(), idempotencyKey)
                .map(outcome -> Responses.created(URI.create("/communities/" + communityId + "/announcements/"
                        + outcome.resource().id()), outcome));
    }

    @GET
    @Operation(operationId = "listAnnouncements", summary = "List the community's announcements",
            description = "For members of the community, staff included: pinned announcements first, then the rest; "
                    + "within each, newest first. Paged with after/limit; each says how many have read it and "
                    + "whether the caller has.")
    @APIResponse(responseCode = "200", description = "A page of announcements")
    public Uni<Page<AnnouncementView>> list(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @BeanParam PageParams page) {
        return announcements.list(communityId, caller.id(), page.after, page.limit);
    }

    @GET
    @Path("/{announcementId}")
    @Operation(operationId = "getAnnouncement", summary = "An announcement",
            description = "For members of the community, staff included.")
    @APIResponse(responseCode = "200", description = "The announcement")
    @APIResponse(responseCode = "404", description = "No such announcement in this community")
    public Uni<AnnouncementView> get(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = ANNOUNCEMENT_ID) @PathParam("announcementId") UUID announcementId) {
        return announcements.get(communityId, announcementId, caller.id());
    }

    @POST
    @Path("/{announcementId}/reads")
    @Operation(operationId = "markAnnouncementRead", summary = "Mark an announcement read",
            description = "For members of the community, staff included (muted members too: reading is not "
                    + "writing). Idempotent: the first time records the read, counts it and publishes "
                    + "hearth.announcement.read; a repeat changes nothing and answers the same. No body.")
    @APIResponse(responseCode = "200", description = "The announcement, read by the caller")
    @APIResponse(responseCode = "404", description = "No such announcement in this community")
    public Uni<AnnouncementView> markRead(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = ANNOUNCEMENT_ID) @PathParam("announcementId") UUID announcementId) {
        return announcements.markRead(communityId, announcementId, caller.id());
    }

    @GET
    @Path("/{announcementId}/stats")
    @Operation(operationId = "getAnnouncementStats", summary = "How far an announcement reached",
            description = "For the owner and admins: how many have read it, how many current members (role MEMBER; "
                    + "staff are its authors, not its audience, and are not counted) there are, how many of them "
                    + "read it, and that share (0 when there are no members).")
    @APIResponse(responseCode = "200", description = "The announcement's reach")
    @APIResponse(responseCode = "403", description = "Not the owner or an admin of this community")
    @APIResponse(responseCode = "404", description = "No such announcement in this community")
    public Uni<AnnouncementStatsView> stats(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = ANNOUNCEMENT_ID) @PathParam("announcementId") UUID announcementId) {
        return announcements.stats(communityId, announcementId, caller.id());
    }

    @GET
    @Path("/{announcementId}/unread-members")
    @Operation(operationId = "listAnnouncementUnreadMembers", summary = "Who has not read an announcement",
            description = "For the owner and admins: the current members (role MEMBER) who have not marked it read, "
                    + "ordered by user id, paged with after/limit.")
    @APIResponse(responseCode = "200", description = "A page of members who have not read it")
    @APIResponse(responseCode = "403", description = "Not the owner or an admin of this community")
    @APIResponse(responseCode = "404", description = "No such announcement in this community")
    public Uni<Page<UnreadMemberView>> unreadMembers(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = ANNOUNCEMENT_ID) @PathParam("announcementId") UUID announcementId,
            @Valid @BeanParam PageParams page) {
        return announcements.unreadMembers(communityId, announcementId, caller.id(), page.after, page.limit);
    }
}
