package io.comanda.devstack;

/**
 * The former name of {@link ZipkinTraces}, kept while the launcher and the end-to-end suite move to it.
 *
 * @deprecated use {@link ZipkinTraces}
 */
@Deprecated(forRemoval = true)
public final class TraceStore extends ZipkinTraces {

    /** @param url the Zipkin server, e.g. {@code http://127.0.0.1:9411} */
    public TraceStore(String url) {
        super(url);
    }
}
