package io.comanda.searchindexer.domain;

import java.util.List;

/** Search parameters a client must fix; each violation names the parameter. */
public class InvalidSearchException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidSearchException(List<Violation> violations) {
        super(violations.stream().map(v -> v.parameter() + ": " + v.message()).toList().toString());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /**
     * @param parameter the query parameter, e.g. {@code size}
     * @param message   what is wrong with it
     */
    public record Violation(String parameter, String message) {
    }
}
