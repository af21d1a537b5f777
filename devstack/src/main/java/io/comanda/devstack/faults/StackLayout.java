package io.comanda.devstack.faults;

import io.comanda.devstack.parts.PartInstance;
import io.comanda.devstack.parts.StackPart;
import io.comanda.devstack.parts.StackPorts;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Which instances of each part the running stack has, and where they listen: one of each, or the
 * cluster's brokers, Connect workers and service instances ({@code ./comanda up --cluster}). The fault
 * suite spreads its load over every orders-service instance, reads through whichever instance answers,
 * and on a cluster injects the cluster's faults.
 *
 * @param ports     the stack's ports
 * @param instances how many instances of a part run, for each part with more than one
 */
public record StackLayout(StackPorts ports, Map<StackPart, Integer> instances) {

    public StackLayout {
        instances = Map.copyOf(instances);
    }

    /** One instance of every part. */
    public static StackLayout single(StackPorts ports) {
        return new StackLayout(ports, Map.of());
    }

    /** Whether it runs more than one broker. */
    public boolean cluster() {
        return instances(StackPart.KAFKA).size() > 1;
    }

    /** The instances of {@code part}, the first first. */
    public List<PartInstance> instances(StackPart part) {
        return IntStream.rangeClosed(1, instances.getOrDefault(part, 1)).mapToObj(n -> new PartInstance(part, n)).toList();
    }

    /** The base URL of each instance of {@code part}, e.g. {@code http://127.0.0.1:8081}. */
    public List<String> urls(StackPart part) {
        return instances(part).stream().map(this::url).toList();
    }

    /** The base URL of {@code instance}. */
    public String url(PartInstance instance) {
        return "http://127.0.0.1:" + instance.port(ports);
    }

    /** The base URL of each instance's management interface. */
    public List<String> managementUrls(StackPart service) {
        return instances(service).stream()
                .map(instance -> "http://127.0.0.1:" + instance.otherPort(ports, service.managementPortKey())).toList();
    }

    /** Every broker, so that a client bootstraps while any one is down. */
    public String kafkaBootstrapServers() {
        return instances(StackPart.KAFKA).stream().map(broker -> "127.0.0.1:" + broker.port(ports))
                .collect(Collectors.joining(","));
    }
}
