package io.comanda.orders.api;

import io.comanda.orders.domain.OperatorCancel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /orders/{id}/cancel}.
 *
 * @param reason why the operator cancels the order, 1 to 500 characters; the customer reads it after
 *               "Cancelled by an operator: "
 */
@Schema(name = "CancelOrderRequest")
public record CancelOrderRequest(
        @Schema(description = "Why the order is cancelled; the customer reads it", minLength = 1,
                maxLength = OperatorCancel.MAX_REASON_LENGTH, required = true)
        @NotBlank @Size(max = OperatorCancel.MAX_REASON_LENGTH) String reason) {
}
