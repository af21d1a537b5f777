package io.comanda.orders.api;

import io.comanda.orders.domain.InvalidOrderException;
import io.comanda.platform.problem.ProblemResponses;
import io.comanda.platform.problem.ProblemType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A catalogue rule the order breaks is the client's to fix: a validation problem. */
public class InvalidOrderMapper {

    @ServerExceptionMapper
    public Response invalidOrder(InvalidOrderException e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.VALIDATION, e.getMessage(), uri.getPath());
    }
}
