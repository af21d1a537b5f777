package io.comanda.platform.observability;

import io.comanda.events.CloudEventHeaders;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.util.stream.StreamSupport;

/** Reads a trace context (and the flow's attributes) from a Kafka record's headers, the last of a name winning. */
public enum KafkaHeadersGetter implements TextMapGetter<Headers> {
    INSTANCE;

    @Override
    public Iterable<String> keys(Headers headers) {
        return StreamSupport.stream(headers.spliterator(), false).map(Header::key).distinct().toList();
    }

    @Override
    public String get(Headers headers, String key) {
        if (headers == null) {
            return null;
        }
        Header header = headers.lastHeader(key);
        return header == null ? null : CloudEventHeaders.text(header.value());
    }
}
