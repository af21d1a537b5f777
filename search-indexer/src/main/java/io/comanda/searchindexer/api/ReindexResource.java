package io.comanda.searchindexer.api;

import io.comanda.platform.problem.Problem;
import io.comanda.searchindexer.rebuild.IndexRebuild;
import io.comanda.searchindexer.rebuild.RebuildStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.net.URI;

/** Rebuilding the index from the topic, for operators: start one, and follow it. */
@Path("/search/reindex")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(SearchResource.ADMIN)
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not an admin",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ReindexResource {

    private final IndexRebuild rebuild;

    public ReindexResource(IndexRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Operation(summary = "Rebuild the index from comanda.orders",
            description = "Builds a fresh index from the beginning of the topic while searches keep answering "
                    + "from the current one, then swaps it in atomically. Follow it with GET.")
    @APIResponse(responseCode = "202", description = "Started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildStatus.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start() {
        return Response.accepted(rebuild.start()).location(URI.create("/search/reindex")).build();
    }

    @GET
    @Operation(summary = "Where the last rebuild stands")
    public RebuildStatus status() {
        return rebuild.status();
    }
}
