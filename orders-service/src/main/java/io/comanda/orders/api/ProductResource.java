package io.comanda.orders.api;

import io.comanda.orders.persistence.ProductRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The catalogue, readable by anyone: it is what a shop window shows. */
@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ProductResource {

    private final ProductRepository products;

    public ProductResource(ProductRepository products) {
        this.products = products;
    }

    @GET
    @WithSession
    @Operation(summary = "The products an order can contain, with their prices in minor units")
    public Uni<List<ProductResponse>> list() {
        return products.listActive().map(list -> list.stream().map(ProductResponse::of).toList());
    }
}
