package io.comanda.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class InboxIT {

    @Test
    void firstDeliveryIsRecordedAndRedeliveryIsRecognised() {
        UUID eventId = UUID.randomUUID();

        given().post("/probe/inbox/payments/" + eventId).then().statusCode(200).body(is("true"));
        given().post("/probe/inbox/payments/" + eventId).then().statusCode(200).body(is("false"));
    }

    @Test
    void eachConsumerHasItsOwnRecord() {
        UUID eventId = UUID.randomUUID();

        given().post("/probe/inbox/payments/" + eventId).then().statusCode(200).body(is("true"));
        given().post("/probe/inbox/notifications/" + eventId).then().statusCode(200).body(is("true"));
    }
}
