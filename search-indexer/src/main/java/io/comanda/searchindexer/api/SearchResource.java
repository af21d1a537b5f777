package io.comanda.searchindexer.api;

import io.comanda.platform.problem.Problem;
import io.comanda.platform.problem.ProblemResponses;
import io.comanda.platform.problem.ProblemType;
import io.comanda.searchindexer.domain.InvalidSearchException;
import io.comanda.searchindexer.domain.SearchQuery;
import io.comanda.searchindexer.domain.SearchResult;
import io.comanda.searchindexer.persistence.DocumentSearch;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * Searches orders: full text over product names, skus and notes, or the newest first. Customers find
 * their own orders only; admins find all and may narrow to one customer. Every answer says how fresh
 * the index is in {@code X-Index-Lag-Ms}.
 */
@Path("/search/orders")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token lacks the role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SearchResource {

    public static final String LAG_HEADER = "X-Index-Lag-Ms";
    static final String ADMIN = "admin";
    static final String CUSTOMER = "customer";

    private final DocumentSearch search;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public SearchResource(DocumentSearch search, SecurityIdentity identity, JsonWebToken token) {
        this.search = search;
        this.identity = identity;
        this.token = token;
    }

    @GET
    @RolesAllowed({CUSTOMER, ADMIN})
    @Operation(summary = "Search orders",
            description = "q uses web-search syntax (words, \"a phrase\", -excluded, or) over product names, skus "
                    + "and the note, best match first; without q, newest first. page takes the token of a next link.")
    @APIResponse(responseCode = "200", description = "A page of orders",
            headers = @Header(name = LAG_HEADER, description = "Now minus the time of the newest event the index holds"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchPageResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid q, status, from, to, page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> search(@QueryParam("q") String q, @QueryParam("status") String status,
                                @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("page") String page, @QueryParam("size") String size,
                                @QueryParam("customer") String customer, @Context UriInfo uri) {
        boolean admin = identity.hasRole(ADMIN);
        SearchQuery query = SearchQuery.parse(q, status, from, to, page, size, admin ? customer : token.getSubject());
        return search.search(query).map(result -> Response.ok(new SearchPageResponse(result.items(), result.total(),
                        result.next() == null ? null : NextLink.of(uri, result.next())))
                .header(LAG_HEADER, lagMillis(result))
                .build());
    }

    @ServerExceptionMapper
    public Response invalid(InvalidSearchException e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.VALIDATION, "Fix these query parameters and retry: "
                        + String.join(", ", e.violations().stream().map(InvalidSearchException.Violation::parameter).toList()),
                uri.getPath(), e.violations().stream()
                        .sorted(Comparator.comparing(InvalidSearchException.Violation::parameter))
                        .map(v -> new Problem.FieldError(v.parameter(), v.message())).toList());
    }

    /** Zero for an empty index: nothing is missing from it that it could know of. */
    private static long lagMillis(SearchResult result) {
        return result.newestChange() == null ? 0
                : Math.max(0, Duration.between(result.newestChange(), Instant.now()).toMillis());
    }
}
