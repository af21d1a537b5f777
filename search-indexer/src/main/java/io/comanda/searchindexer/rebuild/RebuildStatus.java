package io.comanda.searchindexer.rebuild;

import java.time.Instant;

/**
 * Where the last rebuild of the index stands.
 *
 * @param state      IDLE (none since start), RUNNING, DONE or FAILED
 * @param startedAt  when it started, or null
 * @param finishedAt when it finished, or null
 * @param eventsRead how many records of the topic it has read
 * @param error      why it failed, or null
 */
public record RebuildStatus(State state, Instant startedAt, Instant finishedAt, long eventsRead, String error) {

    public enum State {
        IDLE, RUNNING, DONE, FAILED
    }

    static RebuildStatus idle() {
        return new RebuildStatus(State.IDLE, null, null, 0, null);
    }

    static RebuildStatus running(Instant startedAt, long eventsRead) {
        return new RebuildStatus(State.RUNNING, startedAt, null, eventsRead, null);
    }

    RebuildStatus done(Instant at) {
        return new RebuildStatus(State.DONE, startedAt, at, eventsRead, null);
    }

    RebuildStatus failed(Instant at, String why) {
        return new RebuildStatus(State.FAILED, startedAt, at, eventsRead, why);
    }

    public boolean running() {
        return state == State.RUNNING;
    }
}
