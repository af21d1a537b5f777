package io.comanda.orders.api;

import io.comanda.orders.domain.PlaceOrderCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The body of {@code POST /orders}. Prices are never sent: the server computes every amount.
 *
 * @param items         what to buy, 1 to 50 lines
 * @param paymentMethod a Stripe payment method id, e.g. {@code pm_card_visa}
 * @param note          an optional note for the order, stored and returned as sent
 */
@Schema(name = "PlaceOrderRequest")
public record PlaceOrderRequest(
        @NotEmpty @Size(max = 50) List<@Valid @NotNull Item> items,
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_]+", message = "must be a payment method id such as pm_card_visa")
        String paymentMethod,
        @Size(max = 500) String note) {

    /**
     * @param sku      a product of {@code GET /products}
     * @param quantity how many, 1 to 99
     */
    @Schema(name = "PlaceOrderItem")
    public record Item(@NotBlank @Size(max = 64) String sku, @NotNull @Min(1) @Max(99) Integer quantity) {
    }

    PlaceOrderCommand toCommand() {
        return new PlaceOrderCommand(items.stream().map(i -> new PlaceOrderCommand.Item(i.sku(), i.quantity())).toList(),
                paymentMethod, note);
    }
}
