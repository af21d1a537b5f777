package io.comanda.platform.messaging;

/**
 * A dependency refuses us for a reason only an operator can fix: credentials, configuration (a revoked
 * key, an API version it no longer knows). Retrying cannot mend it and dead-lettering would lose every
 * record in flight, so a batch consumer that meets it pauses: it spends none of its retry budget, its
 * readiness goes DOWN naming the dependency and the reason, and it tries the records again once the
 * dependency's {@link DependencyProbe} answers that it is usable.
 */
public class DependencyUnusableException extends RuntimeException {

    private final String dependency;

    /**
     * @param dependency the dependency's name, as its {@link DependencyProbe#dependency()} gives it
     * @param reason     what an operator reads on the readiness check, e.g. "the API key is refused (401)"
     * @param cause      the dependency's answer, if any
     */
    public DependencyUnusableException(String dependency, String reason, Throwable cause) {
        super(dependency + ": " + reason, cause);
        this.dependency = dependency;
    }

    public String dependency() {
        return dependency;
    }

    /** The reason alone, without the dependency's name. */
    public String reason() {
        return getMessage().substring(dependency.length() + 2);
    }

    /** The exception among {@code failure} and its causes, or null when there is none. */
    static DependencyUnusableException in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DependencyUnusableException unusable) {
                return unusable;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
