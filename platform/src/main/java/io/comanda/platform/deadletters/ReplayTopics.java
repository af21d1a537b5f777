package io.comanda.platform.deadletters;

import io.comanda.platform.messaging.ConsumerChannel;
import io.comanda.platform.messaging.ConsumerChannels;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

import java.util.List;
import java.util.Optional;

/**
 * Where a dead letter is replayed to: the replay topic of the channel it failed in, known by its consumer
 * group and its dead-letter or source topic. A dead letter of a group or channel this service no longer
 * configures has none; a replay leaves it waiting rather than claiming it.
 */
@ApplicationScoped
public class ReplayTopics {

    private final Config config;
    private volatile List<ConsumerChannel> channels;

    public ReplayTopics(Config config) {
        this.config = config;
    }

    /** The replay topic of the channel the dead letter failed in, if this service still has that channel. */
    Optional<String> of(DeadLetter letter) {
        return of(channels(), letter.group(), letter.id().topic(), letter.originTopic());
    }

    static Optional<String> of(List<ConsumerChannel> channels, String group, String deadLetterTopic,
                               String originTopic) {
        return channels.stream().filter(channel -> channel.group().equals(group))
                .filter(channel -> channel.deadLetterTopic().equals(deadLetterTopic)
                        || channel.topic().equals(originTopic))
                .findFirst().map(ConsumerChannel::replayTopic);
    }

    /** The channels of this service, as configured. */
    List<ConsumerChannel> channels() {
        List<ConsumerChannel> known = channels;
        if (known == null) {
            known = ConsumerChannels.of(config);
            channels = known;
        }
        return known;
    }
}
