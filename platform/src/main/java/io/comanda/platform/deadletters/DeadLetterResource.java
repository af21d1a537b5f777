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
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * The dead letters of this service's consumers, for operators (realm role {@code admin}): list the waiting
 * ones, show one, replay one or a selection to this consumer group only, discard one (a flagged one only
 * once checked, or forced with a reason). The dead letters are read from the service's dead-letter index;
 * a replay writes Kafka. Every method blocks: RESTEasy Reactive runs methods with plain return types on a
 * worker thread.
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
        return operations.waiting(page, size);
    }

    @GET
    @Path("/{id}")
    public DeadLetterViews.Details show(@PathParam("id") String id) {
        return DeadLetterViews.Details.of(operations.find(id).orElseThrow(() ->
                ProblemException.notFound("No dead letter " + id + " in this service's dead-letter index.")));
    }

    @POST
    @Path("/{id}/replay")
    public DeadLetterViews.Replayed replay(@PathParam("id") String id, @QueryParam("force") boolean force,
                                           @Context SecurityContext caller) {
        return operations.replay(id, force, operator(caller));
    }

    /**
     * Starts replaying every waiting dead letter of a type and/or reason, throttled, in the background: 202
     * with how many it took on; the listing's total shows the progress.
     */
    @POST
    @Path("/replay")
    @ResponseStatus(202)
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
