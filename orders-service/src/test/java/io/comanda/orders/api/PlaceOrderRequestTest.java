package io.comanda.orders.api;

import io.comanda.orders.domain.PlaceOrderCommand;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a POST /orders body, checked by Bean Validation before any order is priced. */
class PlaceOrderRequestTest {

    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void aTypicalOrderIsValid() {
        assertThat(invalidFields(request(List.of(item("ESPRESSO-250G", 2)), "pm_card_visa", "ring twice"))).isEmpty();
    }

    @Test
    void quantitiesRunFromOneToNinetyNine() {
        assertThat(invalidFields(request(List.of(item("MUG-CERAMIC", 1), item("MUG-CERAMIC", 99)), "pm_card_visa", null)))
                .isEmpty();
        assertThat(invalidFields(request(List.of(item("MUG-CERAMIC", 0)), "pm_card_visa", null)))
                .containsExactly("items[0].quantity");
        assertThat(invalidFields(request(List.of(item("MUG-CERAMIC", 1), item("MUG-CERAMIC", 100)), "pm_card_visa", null)))
                .containsExactly("items[1].quantity");
        assertThat(invalidFields(request(List.of(new PlaceOrderRequest.Item("MUG-CERAMIC", null)), "pm_card_visa", null)))
                .containsExactly("items[0].quantity");
    }

    @Test
    void anOrderHasOneToFiftyLines() {
        assertThat(invalidFields(request(List.of(), "pm_card_visa", null))).containsExactly("items");
        assertThat(invalidFields(request(Collections.nCopies(50, item("MUG-CERAMIC", 1)), "pm_card_visa", null))).isEmpty();
        assertThat(invalidFields(request(Collections.nCopies(51, item("MUG-CERAMIC", 1)), "pm_card_visa", null)))
                .containsExactly("items");
    }

    @Test
    void everyLineNamesASku() {
        assertThat(invalidFields(request(List.of(item(" ", 1)), "pm_card_visa", null))).containsExactly("items[0].sku");
        assertThat(invalidFields(request(List.of(item("S".repeat(65), 1)), "pm_card_visa", null)))
                .containsExactly("items[0].sku");
    }

    @Test
    void thePaymentMethodIsAnIdLikePmCardVisa() {
        assertThat(invalidFields(request(List.of(item("MUG-CERAMIC", 1)), "", null))).containsExactly("paymentMethod");
        assertThat(invalidFields(request(List.of(item("MUG-CERAMIC", 1)), "pm card visa", null)))
                .containsExactly("paymentMethod");
        assertThat(invalidFields(request(List.of(item("MUG-CERAMIC", 1)), "p".repeat(101), null)))
                .containsExactly("paymentMethod");
    }

    @Test
    void theNoteIsOptionalAndAtMostFiveHundredCharacters() {
        assertThat(invalidFields(request(List.of(item("MUG-CERAMIC", 1)), "pm_card_visa", "n".repeat(500)))).isEmpty();
        assertThat(invalidFields(request(List.of(item("MUG-CERAMIC", 1)), "pm_card_visa", "n".repeat(501))))
                .containsExactly("note");
    }

    @Test
    void becomesTheCommandWithTheLinesInTheCustomersOrder() {
        PlaceOrderCommand command = request(List.of(item("MOKA-POT-3", 1), item("ESPRESSO-250G", 2)), "pm_card_visa",
                "ring twice").toCommand();

        assertThat(command).isEqualTo(new PlaceOrderCommand(List.of(new PlaceOrderCommand.Item("MOKA-POT-3", 1),
                new PlaceOrderCommand.Item("ESPRESSO-250G", 2)), "pm_card_visa", "ring twice"));
    }

    private static Set<String> invalidFields(PlaceOrderRequest request) {
        return VALIDATOR.validate(request).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .map(path -> path.replace(".<list element>", ""))
                .collect(Collectors.toSet());
    }

    private static PlaceOrderRequest request(List<PlaceOrderRequest.Item> items, String paymentMethod, String note) {
        return new PlaceOrderRequest(items, paymentMethod, note);
    }

    private static PlaceOrderRequest.Item item(String sku, Integer quantity) {
        return new PlaceOrderRequest.Item(sku, quantity);
    }
}
