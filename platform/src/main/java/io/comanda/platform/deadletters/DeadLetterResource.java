package io.comanda.platform.deadletters;

import io.comanda.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.util.List;

/**
 * The dead letters of this service's consumers, for operators (realm role {@code admin}): list the waiting
 * ones, show one, replay one or a selection to this consumer group only, discard one (a flagged one only
 * once checked, or forced with a reason). Every method reads
 * or writes Kafka and blocks: RESTEasy Reactive runs methods with plain return types on a worker thread.
 */
@Path("/admin/dead-letters")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private static final int MAX_SIZE = 100;

    private final DeadLetterOperations operations;

    public DeadLetterResource(DeadLetterOperations operations) {
        this.operations = operations;
    }

    @GET
    public DeadLetterViews.Page list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(MAX_SIZE) int size) {
        List<DeadLetter> waiting = operations.waiting();
        List<DeadLetterViews.Summary> items = waiting.stream().skip((long) page * size).limit(size)
                .map(DeadLetterViews.Summary::of).toList();
        return new DeadLetterViews.Page(items, page, size, waiting.size());
    }

    @GET
    @Path("/{id}")
    public DeadLetterViews.Details show(@PathParam("id") String id) {
        DeadLetter letter = operations.find(id).orElseThrow(() ->
                ProblemException.notFound("No dead letter " + id + " on this service's dead-letter topics."));
        return DeadLetterViews.Details.of(letter, operations.resolutionOf(letter));
    }

    @POST
    @Path("/{id}/replay")
    public DeadLetterViews.Replayed replay(@PathParam("id") String id, @QueryParam("force") boolean force,
                                           @Context SecurityContext caller) {
        return operations.replay(id, force, operator(caller));
    }

    @POST
    @Path("/replay")
    public DeadLetterOperations.BulkReplay replaySelection(@QueryParam("type") String type,
                                                           @QueryParam("reason") String reason,
                                                           @QueryParam("force") boolean force,
                                                           @Context SecurityContext caller) {
        if (isBlank(type) && isBlank(reason)) {
            throw ProblemException.invalid("Name the dead letters to replay with type (a ce_type) and/or reason "
                    + "(text their reason contains).");
        }
        return operations.replay(isBlank(type) ? null : type, isBlank(reason) ? null : reason, force, operator(caller));
    }

    /**
     * Discards one dead letter. A flagged one (an effect that cannot be undone may exist) is discarded only
     * once the service's check finds no effect, or with {@code force=true} and the operator's {@code reason}.
     */
    @DELETE
    @Path("/{id}")
    public void discard(@PathParam("id") String id, @QueryParam("force") boolean force,
                        @QueryParam("reason") String reason, @Context SecurityContext caller) {
        if (force && isBlank(reason)) {
            throw ProblemException.invalid("A forced discard needs a reason: say why the dead letter may go "
                    + "although an effect may exist, e.g. reason=no charge at Stripe for the order.");
        }
        operations.discard(id, operator(caller), force, isBlank(reason) ? null : reason.strip());
    }

    private static String operator(SecurityContext caller) {
        return caller.getUserPrincipal() == null ? "unknown" : caller.getUserPrincipal().getName();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
