package io.comanda.platform;

import io.comanda.events.LineItem;
import io.comanda.events.Money;
import io.comanda.events.OrderPlaced;
import io.comanda.platform.inbox.Inbox;
import io.comanda.platform.outbox.OutboxRow;
import io.comanda.platform.outbox.OutboxRows;
import io.comanda.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * A small application that uses the platform the way a service does, for the platform's own tests.
 * Open to anyone ({@code @PermitAll}); {@link UnannotatedResource} is the one nobody opened.
 */
@Path("/probe")
@PermitAll
public class ProbeResource {

    public record NoteRequest(@NotBlank @Size(max = 50) String text, boolean failAfterWriting) {
    }

    public record NoteCreated(UUID id, UUID eventId, OrderPlaced event) {
    }

    /** Typed fields of each JSON kind, to check that none is coerced from another. */
    public record TypedRequest(@NotNull Integer quantity, String label, Boolean gift, int copies) {
    }

    // The note and its event in one statement, the way a service composes the platform's outbox insert.
    private static final String WRITE_NOTE = "with announced as (" + OutboxRow.insert(1) + ")\n"
            + "insert into probe_note (id, text) values ($10, $11)";

    private final Pool pool;
    private final OutboxRows outbox;
    private final Inbox inbox;

    public ProbeResource(Pool pool, OutboxRows outbox, Inbox inbox) {
        this.pool = pool;
        this.outbox = outbox;
        this.inbox = inbox;
    }

    @POST
    @Path("/notes")
    public Uni<NoteCreated> create(@Valid NoteRequest request) {
        UUID noteId = UUID.randomUUID();
        OrderPlaced event = new OrderPlaced(noteId, "probe-customer",
                List.of(new LineItem("PROBE-1", 1, Money.of(100, "EUR"))), Money.of(100, "EUR"), "pm_card_visa",
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        OutboxRow announcement = outbox.row(event);
        Tuple values = announcement.bind(Tuple.tuple(), 1).addUUID(noteId).addString(request.text());
        return pool.withTransaction(connection -> connection.preparedQuery(WRITE_NOTE).execute(values)
                .map(written -> {
                    if (request.failAfterWriting()) {
                        throw ProblemException.conflict("The note was refused after its event was written.");
                    }
                    return new NoteCreated(noteId, announcement.id(), event);
                }));
    }

    @GET
    @Path("/notes/{id}")
    @WithSession
    public Uni<ProbeNote> find(@PathParam("id") UUID id) {
        return ProbeNote.<ProbeNote>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("There is no note " + id + "."));
    }

    @POST
    @Path("/inbox/{consumer}/{eventId}")
    @WithTransaction
    public Uni<Boolean> receive(@PathParam("consumer") String consumer, @PathParam("eventId") UUID eventId) {
        return inbox.recordFirstDelivery(consumer, eventId);
    }

    @POST
    @Path("/typed")
    public TypedRequest typed(@Valid @NotNull TypedRequest request) {
        return request;
    }

    /** Holds a database connection for the given milliseconds, to fill the pool. */
    @GET
    @Path("/hold-connection/{millis}")
    public Uni<String> holdConnection(@PathParam("millis") int millis) {
        return pool.preparedQuery("select pg_sleep($1 / 1000.0)").execute(Tuple.of(millis)).map(rows -> "held");
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("select secret from internals where password = 'hunter2'");
    }
}
