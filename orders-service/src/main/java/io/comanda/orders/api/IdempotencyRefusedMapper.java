package io.comanda.orders.api;

import io.comanda.orders.idempotency.IdempotencyKeyInFlightException;
import io.comanda.orders.idempotency.IdempotencyKeyMissingException;
import io.comanda.orders.idempotency.IdempotencyKeyRefusedException;
import io.comanda.platform.problem.ProblemResponses;
import io.comanda.platform.problem.ProblemType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An Idempotency-Key the request cannot use, answered as its problem: 400, 409 or 422. */
public class IdempotencyRefusedMapper {

    @ServerExceptionMapper
    public Response refused(IdempotencyKeyRefusedException e, UriInfo uri) {
        return ProblemResponses.of(problemType(e), e.getMessage(), uri.getPath());
    }

    static ProblemType problemType(IdempotencyKeyRefusedException e) {
        if (e instanceof IdempotencyKeyMissingException) {
            return ProblemType.IDEMPOTENCY_KEY_REQUIRED;
        }
        return e instanceof IdempotencyKeyInFlightException
                ? ProblemType.IDEMPOTENCY_KEY_IN_FLIGHT : ProblemType.IDEMPOTENCY_KEY_REUSED;
    }
}
