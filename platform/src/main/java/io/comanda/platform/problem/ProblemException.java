package io.comanda.platform.problem;

/**
 * An error a service reports to its client as a problem of a given type, with a detail the client can
 * act on. Thrown by resources and domain services; turned into problem+json by {@link ProblemMappers}.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;

    public ProblemException(ProblemType type, String detail) {
        super(detail);
        this.type = type;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException invalid(String detail) {
        return new ProblemException(ProblemType.VALIDATION, detail);
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }
}
