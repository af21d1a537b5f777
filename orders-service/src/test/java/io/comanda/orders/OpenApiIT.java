package io.comanda.orders;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

/** The published contract names every status the API answers with, errors as problem+json. */
@QuarkusTest
class OpenApiIT {

    @Test
    void documentsOrderPlacementWithItsErrorBodies() {
        var post = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/orders"))
                .body("paths", hasKey("/orders/{id}"))
                .body("paths", hasKey("/products"));
        for (String status : new String[]{"201", "400", "401", "403", "409", "413", "415", "422"}) {
            post.body("paths.'/orders'.post.responses." + status, notNullValue());
        }
        post.body("paths.'/orders'.post.responses.'422'.content", hasKey("application/problem+json"))
                .body("paths.'/orders'.post.responses.'409'.content", hasKey("application/problem+json"))
                .body("paths.'/orders/{id}'.get.responses.'404'.content", hasKey("application/problem+json"))
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas", hasKey("PlaceOrderRequest"));
    }

    @Test
    void documentsTheOperatorsCancelWithItsErrorBodies() {
        var cancel = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/orders/{id}/cancel"))
                .body("components.schemas", hasKey("CancelOrderRequest"));
        for (String status : new String[]{"200", "400", "401", "403", "404", "409"}) {
            cancel.body("paths.'/orders/{id}/cancel'.post.responses." + status, notNullValue());
        }
        for (String status : new String[]{"400", "404", "409"}) {
            cancel.body("paths.'/orders/{id}/cancel'.post.responses.'" + status + "'.content",
                    hasKey("application/problem+json"));
        }
    }
}
