package io.comanda.orders.persistence;

import io.comanda.orders.domain.Product;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The catalogue in PostgreSQL. */
@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, String> {

    public Uni<List<Product>> listActive() {
        return list("active = true", Sort.by("sku"));
    }
}
