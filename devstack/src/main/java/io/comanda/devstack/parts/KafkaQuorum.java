package io.comanda.devstack.parts;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The KRaft nodes of a Kafka cluster on this machine, each a broker and a controller: the id they are all
 * formatted with, and where each listens. The controllers are a fixed set of voters, known to each node
 * from its configuration, so that no node needs to be added to the quorum after the others.
 *
 * @param clusterId the cluster's id, the same in every node's storage
 * @param nodes     every node, in the order of their ids
 */
public record KafkaQuorum(String clusterId, List<Node> nodes) {

    /**
     * One node of the cluster.
     *
     * @param id             its {@code node.id}
     * @param port           where clients and the other brokers reach it
     * @param controllerPort where the controllers reach it
     */
    public record Node(int id, int port, int controllerPort) {

        /** Its address for clients, e.g. {@code 127.0.0.1:9094}. */
        public String address() {
            return "127.0.0.1:" + port;
        }
    }

    public KafkaQuorum {
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a cluster has at least one node");
        }
    }

    /** {@code controller.quorum.voters}, e.g. {@code 1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097}. */
    public String voters() {
        return nodes.stream().map(node -> node.id() + "@127.0.0.1:" + node.controllerPort())
                .collect(Collectors.joining(","));
    }

    /** What a client's {@code bootstrap.servers} takes: every node, so that any one of them may be down. */
    public String bootstrapServers() {
        return nodes.stream().map(Node::address).collect(Collectors.joining(","));
    }

    /** The node with id {@code id}. */
    public Node node(int id) {
        return nodes.stream().filter(node -> node.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + id + " in " + voters()));
    }
}
