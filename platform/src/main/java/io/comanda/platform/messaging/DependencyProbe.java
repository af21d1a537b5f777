package io.comanda.platform.messaging;

/**
 * Asks a dependency, cheaply, whether it would accept us now (e.g. an authenticated read). A CDI bean;
 * the platform calls the probe of a paused dependency every {@code comanda.consumer.pause-probe-every}
 * and resumes its consumers once it answers true. Called on a worker thread: it may block.
 */
public interface DependencyProbe {

    /** The dependency's name, as {@link DependencyUnusableException#dependency()} names it. */
    String dependency();

    /**
     * @return whether the dependency accepts us; false, or an exception, keeps its consumers paused
     */
    boolean usable() throws Exception;
}
