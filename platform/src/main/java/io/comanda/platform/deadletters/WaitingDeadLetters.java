package io.comanda.platform.deadletters;

/**
 * A consumer group's dead letters waiting for an operator: how many, and how long the oldest has waited
 * since it was parked (0 when none waits).
 */
public record WaitingDeadLetters(long count, double oldestAgeSeconds) {

    static final WaitingDeadLetters NONE = new WaitingDeadLetters(0, 0);
}
