package io.comanda.orders.api;

import io.comanda.orders.domain.NoSuchOrderException;
import io.comanda.orders.domain.OrderNotCancellableException;
import io.comanda.platform.problem.ProblemResponses;
import io.comanda.platform.problem.ProblemType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A cancel of an order that does not exist is 404; of one that is no longer PENDING, 409. */
public class OrderCancellationMapper {

    @ServerExceptionMapper
    public Response noSuchOrder(NoSuchOrderException e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.NOT_FOUND, e.getMessage(), uri.getPath());
    }

    @ServerExceptionMapper
    public Response notCancellable(OrderNotCancellableException e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.CONFLICT, e.getMessage(), uri.getPath());
    }
}
