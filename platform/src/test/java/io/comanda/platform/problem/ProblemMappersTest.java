package io.comanda.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.comanda.platform.correlation.CorrelationId;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** How each exception reaching the HTTP layer becomes a problem a client can act on. */
class ProblemMappersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ValidatorFactory VALIDATION = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();

    private final ProblemMappers mappers = new ProblemMappers();
    private final UriInfo uri = uriOf("/orders");

    @AfterEach
    void forget() {
        CorrelationId.clear();
    }

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void aServicesOwnProblemKeepsItsTypeAndDetail() throws Exception {
        JsonNode body = body(mappers.problem(ProblemException.conflict("Already confirmed."), uri), 409);

        assertThat(body.get("type").asText()).isEqualTo("urn:comanda:problem:conflict");
        assertThat(body.get("detail").asText()).isEqualTo("Already confirmed.");
        assertThat(body.get("instance").asText()).isEqualTo("/orders");
    }

    @Test
    void invalidParametersNameEachFieldByItsPathInTheRequest() throws Exception {
        Set<ConstraintViolation<Resource>> violations = VALIDATION.getValidator().forExecutables().validateParameters(
                new Resource(), Resource.PLACE, new Object[]{new Body(List.of(new Line("", 0), new Line("MUG", 100)), null)});

        JsonNode body = body(mappers.validation(new ConstraintViolationException(violations), uri), 400);

        assertThat(body.get("type").asText()).isEqualTo("urn:comanda:problem:validation");
        assertThat(body.get("errors").findValuesAsText("field"))
                .containsExactly("items[0].quantity", "items[0].sku", "items[1].quantity", "paymentMethod");
        assertThat(body.get("detail").asText())
                .isEqualTo("Fix these fields and retry: items[0].quantity, items[0].sku, items[1].quantity, paymentMethod");
    }

    @Test
    void anInvalidBareParameterIsNamedByTheParameter() throws Exception {
        Set<ConstraintViolation<Resource>> violations = VALIDATION.getValidator().forExecutables()
                .validateParameters(new Resource(), Resource.PAGE, new Object[]{-1});

        JsonNode body = body(mappers.validation(new ConstraintViolationException(violations), uri), 400);

        assertThat(body.get("errors").findValuesAsText("field")).containsExactly("page");
    }

    @Test
    void anInvalidReturnValueIsTheServicesFaultNotTheClients() throws Exception {
        Set<ConstraintViolation<Resource>> violations = VALIDATION.getValidator().forExecutables()
                .validateReturnValue(new Resource(), Resource.PAGE, "");

        JsonNode body = body(mappers.validation(new ConstraintViolationException(violations), uri), 500);

        assertThat(body.get("type").asText()).isEqualTo("urn:comanda:problem:internal");
        assertThat(body.has("errors")).isFalse();
    }

    @Test
    void missingAuthenticationAsksForABearerToken() throws Exception {
        Response response = mappers.unauthenticated(new UnauthorizedException(), uri);

        assertThat(response.getHeaderString("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(body(response, 401).get("type").asText()).isEqualTo("urn:comanda:problem:unauthorized");
    }

    @Test
    void aMissingRoleIsForbidden() throws Exception {
        assertThat(body(mappers.forbidden(new ForbiddenException(), uri), 403).get("type").asText())
                .isEqualTo("urn:comanda:problem:forbidden");
    }

    @Test
    void unreadableJsonSaysWhereItBroke() throws Exception {
        JsonProcessingException broken = parseFailure("{\"items\": [");

        JsonNode body = body(mappers.unreadableBody(broken, uri), 400);

        assertThat(body.get("type").asText()).isEqualTo("urn:comanda:problem:malformed-request");
        assertThat(body.get("detail").asText()).matches("The request body is not valid JSON \\(line 1, column \\d+\\)");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedByItsJsonPath() throws Exception {
        JsonProcessingException mismatch = mismatch("{\"items\": [{\"sku\": \"MUG\", \"quantity\": \"two\"}]}");

        JsonNode body = body(mappers.unreadableBody(mismatch, uri), 400);

        assertThat(body.get("detail").asText())
                .isEqualTo("The request body has a value of the wrong type at 'items[0].quantity'");
    }

    @Test
    void jaxRsStatusExceptionsBecomeTheirGeneralProblemWithAnActionableDetail() throws Exception {
        assertThat(body(mappers.status(new NotFoundException(), uri), 404).get("detail").asText())
                .isEqualTo("Nothing exists at /orders.");
        assertThat(body(mappers.status(new NotAllowedException("GET"), uri), 405).get("detail").asText())
                .isEqualTo("This method is not supported on /orders.");
        assertThat(body(mappers.status(new NotSupportedException(), uri), 415).get("detail").asText())
                .isEqualTo("Send the request body as application/json.");
        assertThat(body(mappers.status(new NotAcceptableException(), uri), 406).get("type").asText())
                .isEqualTo("urn:comanda:problem:not-acceptable");
    }

    @Test
    void aJaxRsStatusCausedByUnreadableJsonIsAMalformedRequest() throws Exception {
        WebApplicationException wrapped = new WebApplicationException(parseFailure("{"), 400);

        assertThat(body(mappers.status(wrapped, uri), 400).get("type").asText())
                .isEqualTo("urn:comanda:problem:malformed-request");
    }

    @Test
    void aServerSideStatusExceptionTellsNothingButTheCorrelationId() throws Exception {
        CorrelationId.set("flow-503");

        JsonNode body = body(mappers.status(new ServiceUnavailableException("pool exhausted at db-3"), uri), 500);

        assertThat(body.get("type").asText()).isEqualTo("urn:comanda:problem:internal");
        assertThat(body.toString()).doesNotContain("pool exhausted").doesNotContain("db-3");
    }

    @Test
    void anUnexpectedErrorLeaksNoInternalsAndQuotesTheCorrelationId() throws Exception {
        CorrelationId.set("flow-500");

        JsonNode body = body(mappers.unexpected(
                new IllegalStateException("select secret from internals where password = 'hunter2'"), uri), 500);

        assertThat(body.get("detail").asText())
                .isEqualTo("Something went wrong on our side. If it persists, report it with the correlation id flow-500.");
        assertThat(body.get("correlationId").asText()).isEqualTo("flow-500");
        assertThat(body.toString()).doesNotContain("hunter2").doesNotContain("IllegalStateException")
                .doesNotContain("secret");
    }

    private static JsonNode body(Response response, int status) throws Exception {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType()).hasToString("application/problem+json");
        return JSON.readTree(response.getEntity().toString());
    }

    private static JsonProcessingException parseFailure(String json) {
        try {
            JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return e;
        }
        throw new AssertionError("parsed: " + json);
    }

    private static JsonProcessingException mismatch(String json) {
        try {
            JSON.readValue(json, Body.class);
        } catch (JsonProcessingException e) {
            return e;
        }
        throw new AssertionError("read: " + json);
    }

    private static UriInfo uriOf(String path) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[]{UriInfo.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getPath")) {
                        return path;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A request body shaped like an order, to produce real Bean Validation paths. */
    public record Body(@NotEmpty List<@Valid @NotNull Line> items, @NotBlank String paymentMethod) {
    }

    public record Line(@NotBlank String sku, @Min(1) @Max(99) int quantity) {
    }

    /** Resource methods as JAX-RS would validate them. */
    public static class Resource {

        static final Method PLACE = method("place", Body.class);
        static final Method PAGE = method("page", int.class);

        public String place(@Valid @NotNull Body request) {
            return "placed";
        }

        @NotBlank
        public String page(@Min(0) int page) {
            return "page";
        }

        private static Method method(String name, Class<?> parameter) {
            try {
                return Resource.class.getMethod(name, parameter);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
