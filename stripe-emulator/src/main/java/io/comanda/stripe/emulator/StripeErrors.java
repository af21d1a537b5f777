package io.comanda.stripe.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Error bodies in Stripe's shape: {@code {"error": {"type": ..., "code": ..., "message": ...}}}. */
final class StripeErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StripeErrors() {
    }

    static ObjectNode error(String type, String code, String message) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("type", type);
        if (code != null) {
            error.put("code", code);
        }
        error.put("message", message);
        return body;
    }

    /** A 400 {@code invalid_request_error} naming the parameter at fault, as Stripe answers one. */
    static IdempotencyLayer.Result invalidRequest(String code, String param, String message) {
        ObjectNode body = error("invalid_request_error", code, message);
        ((ObjectNode) body.get("error")).put("param", param);
        return new IdempotencyLayer.Result(400, body.toString(), false);
    }

    /**
     * @param code        {@code card_declined}, or for an off-session payment that needs authentication
     *                    {@code authentication_required} (then the decline code too)
     */
    static ObjectNode cardDeclined(String code, String declineCode, String message, ObjectNode paymentIntent) {
        ObjectNode body = error("card_error", code, message);
        ObjectNode error = (ObjectNode) body.get("error");
        error.put("decline_code", declineCode);
        error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
        error.set("payment_intent", paymentIntent);
        return body;
    }
}
