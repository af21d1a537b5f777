package io.comanda.devstack.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.comanda.devstack.parts.StackHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where a connector's task runs in a group of Kafka Connect workers, as the workers' REST API says:
 * {@code GET /connectors/<name>/status}, asked of each worker in turn until one answers.
 */
public final class ConnectorTasks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> workerUrls;

    /** @param workerUrls each worker's REST base URL, e.g. {@code http://127.0.0.1:8083} */
    public ConnectorTasks(List<String> workerUrls) {
        this.workerUrls = List.copyOf(workerUrls);
    }

    /**
     * The REST port of the worker running {@code connector}'s first task while it is RUNNING; empty while
     * it runs nowhere (no worker answers, or the task is unassigned, failed or moving).
     */
    public Optional<Integer> runningOn(String connector) {
        for (String worker : workerUrls) {
            try {
                HttpResponse<String> response = StackHttp.send(HttpRequest.newBuilder(
                        URI.create(worker + "/connectors/" + connector + "/status")).timeout(Duration.ofSeconds(5)).build());
                if (response.statusCode() != 200) {
                    continue;
                }
                JsonNode task = JSON.readTree(response.body()).path("tasks").path(0);
                if (!"RUNNING".equals(task.path("state").asText())) {
                    return Optional.empty();
                }
                // A worker's id is its advertised REST address, e.g. 127.0.0.1:8183.
                String id = task.path("worker_id").asText();
                return Optional.of(Integer.parseInt(id.substring(id.lastIndexOf(':') + 1)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                // Refused or timed out: this worker is down, ask the next.
            }
        }
        return Optional.empty();
    }
}
