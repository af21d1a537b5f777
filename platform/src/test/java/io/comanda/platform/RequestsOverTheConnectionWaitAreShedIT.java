package io.comanda.platform;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A burst larger than the pool and its bounded wait is shed with 503 problem+json and Retry-After at
 * once, instead of queueing every request for half a minute; the service answers normally right after.
 */
@QuarkusTest
class RequestsOverTheConnectionWaitAreShedIT {

    // The pool's 20 connections, its 8 waiting places, and as many again that must be turned away.
    private static final int BURST = 56;

    @TestHTTPResource("/probe/hold-connection/1500")
    URI holdConnection;

    @Test
    void aBurstBeyondThePoolAndItsWaitIsAnsweredBusyAtOnce() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest hold = HttpRequest.newBuilder(holdConnection).timeout(Duration.ofSeconds(30)).build();
        List<HttpResponse<String>> answers = IntStream.range(0, BURST)
                .mapToObj(i -> client.sendAsync(hold, HttpResponse.BodyHandlers.ofString()))
                .toList().stream().map(CompletableFuture::join).toList();

        List<HttpResponse<String>> busy = answers.stream().filter(a -> a.statusCode() == 503).toList();
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 503);
        assertThat(answers).extracting(HttpResponse::statusCode).contains(200);
        assertThat(busy).hasSizeGreaterThanOrEqualTo(BURST - 20 - 8);
        assertThat(busy).allSatisfy(answer -> {
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(answer.body()).contains("urn:comanda:problem:unavailable");
        });

        given().get("/probe/hold-connection/1").then().statusCode(200).body(equalTo("held"));
    }
}
