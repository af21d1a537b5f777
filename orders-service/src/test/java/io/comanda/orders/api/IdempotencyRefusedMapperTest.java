package io.comanda.orders.api;

import io.comanda.orders.idempotency.IdempotencyKey;
import io.comanda.orders.idempotency.IdempotencyKeyRefusedException;
import io.comanda.orders.idempotency.IdempotentExecution;
import io.comanda.orders.idempotency.IdempotencyRecord;
import io.comanda.orders.idempotency.StoredResponse;
import io.comanda.platform.problem.ProblemType;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IdempotencyRefusedMapperTest {

    private final IdempotentExecution execution = new IdempotentExecution(null);

    @Test
    void aMissingKeyIsAnsweredAs400KeyRequired() {
        IdempotencyKeyRefusedException refused = catchThrowableOfType(IdempotencyKeyRefusedException.class,
                () -> IdempotencyKey.parse(" "));

        assertThat(IdempotencyRefusedMapper.problemType(refused)).isEqualTo(ProblemType.IDEMPOTENCY_KEY_REQUIRED);
        assertThat(ProblemType.IDEMPOTENCY_KEY_REQUIRED.status()).isEqualTo(400);
    }

    @Test
    void aKeyInFlightIsAnsweredAs409WithItsDetail() {
        IdempotencyKeyRefusedException refused = catchThrowableOfType(IdempotencyKeyRefusedException.class,
                () -> execution.replayOrRefuse(false, Optional.empty(), "hash"));

        assertThat(IdempotencyRefusedMapper.problemType(refused)).isEqualTo(ProblemType.IDEMPOTENCY_KEY_IN_FLIGHT);
        assertThat(ProblemType.IDEMPOTENCY_KEY_IN_FLIGHT.status()).isEqualTo(409);
        assertThat(refused).hasMessage("A request with this Idempotency-Key is still being processed; retry shortly "
                + "with the same key to get its result.");
    }

    @Test
    void aKeyReusedForAnotherRequestIsAnsweredAs422WithItsDetail() {
        IdempotencyRecord other = new IdempotencyRecord("other-hash", new StoredResponse(201, "{}", "/orders/1"));

        IdempotencyKeyRefusedException refused = catchThrowableOfType(IdempotencyKeyRefusedException.class,
                () -> execution.replayOrRefuse(true, Optional.of(other), "hash"));

        assertThat(IdempotencyRefusedMapper.problemType(refused)).isEqualTo(ProblemType.IDEMPOTENCY_KEY_REUSED);
        assertThat(ProblemType.IDEMPOTENCY_KEY_REUSED.status()).isEqualTo(422);
        assertThat(refused).hasMessage(
                "This Idempotency-Key was already used for a different request; use a new key for a new order.");
    }
}
