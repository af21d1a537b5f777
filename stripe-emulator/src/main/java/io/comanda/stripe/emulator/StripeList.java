package io.comanda.stripe.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stripe's list object ({@code {"object":"list","url":...,"has_more":...,"data":[...]}}) and its cursor
 * paging: {@code limit} (1 to 100, 10 by default) objects after the one named by {@code starting_after}.
 */
final class StripeList {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_LIMIT = 10;
    private static final int MAX_LIMIT = 100;
    private static final Set<String> PAGING = Set.of("limit", "starting_after");

    private StripeList() {
    }

    /** Refuses a parameter the endpoint does not know, as Stripe does; paging parameters are known to all. */
    static Optional<IdempotencyLayer.Result> unknownParameter(Map<String, String> parameters, Set<String> filters) {
        return parameters.keySet().stream()
                .filter(name -> !PAGING.contains(name) && !filters.contains(name))
                .findFirst()
                .map(name -> StripeErrors.invalidRequest("parameter_unknown", name, "Received unknown parameter: " + name));
    }

    /**
     * @param newestFirst every object that matches the request's filters, in the list's order
     * @param kind        what the objects are, for the error naming a {@code starting_after} not among them
     */
    static IdempotencyLayer.Result page(String url, List<ObjectNode> newestFirst, Map<String, String> parameters,
                                        String kind) {
        String limitParameter = parameters.get("limit");
        int limit = DEFAULT_LIMIT;
        if (limitParameter != null) {
            limit = limitParameter.matches("[0-9]{1,3}") ? Integer.parseInt(limitParameter) : 0;
            if (limit < 1 || limit > MAX_LIMIT) {
                return StripeErrors.invalidRequest("parameter_invalid", "limit",
                        "Invalid limit: must be an integer from 1 to " + MAX_LIMIT + ", not " + limitParameter);
            }
        }
        int from = 0;
        String startingAfter = parameters.get("starting_after");
        if (startingAfter != null) {
            int cursor = indexOf(newestFirst, startingAfter);
            if (cursor < 0) {
                return StripeErrors.invalidRequest("resource_missing", "starting_after",
                        "No such " + kind + ": '" + startingAfter + "'");
            }
            from = cursor + 1;
        }
        int to = Math.min(newestFirst.size(), from + limit);
        ObjectNode list = JSON.createObjectNode();
        list.put("object", "list");
        list.put("url", url);
        list.put("has_more", to < newestFirst.size());
        ArrayNode data = list.putArray("data");
        newestFirst.subList(from, to).forEach(data::add);
        return new IdempotencyLayer.Result(200, list.toString(), false);
    }

    private static int indexOf(List<ObjectNode> objects, String id) {
        for (int i = 0; i < objects.size(); i++) {
            if (id.equals(objects.get(i).path("id").asText())) {
                return i;
            }
        }
        return -1;
    }
}
