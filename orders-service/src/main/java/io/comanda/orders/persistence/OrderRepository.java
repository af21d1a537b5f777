package io.comanda.orders.persistence;

import io.comanda.orders.domain.Order;
import io.comanda.orders.domain.OrderStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Orders in PostgreSQL. Call inside a session or transaction of the caller. */
@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<Order, UUID> {

    /**
     * One page of orders, newest first, optionally of one customer and in one status, with the total
     * count for the same filter.
     */
    public Uni<OrderPage> page(String customerId, OrderStatus status, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (customerId != null) {
            where.append(" and customerId = :customer");
            parameters.and("customer", customerId);
        }
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        var query = find("select o.id from Order o where " + where + " order by o.createdAt desc, o.id",
                parameters).project(UUID.class);
        return query.page(Page.of(page, size)).list()
                .chain(ids -> withLines(ids).chain(orders -> count(where.toString(), parameters)
                        .map(total -> new OrderPage(orders, total))));
    }

    // Paging a collection fetch would page in memory; page the ids, then fetch those orders whole.
    private Uni<List<Order>> withLines(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("select distinct o from Order o left join fetch o.lines where o.id in :ids",
                Parameters.with("ids", ids)).list()
                .map(orders -> {
                    Map<UUID, Order> byId = orders.stream().collect(Collectors.toMap(Order::id, Function.identity()));
                    return ids.stream().map(byId::get).toList();
                });
    }

    /**
     * @param orders the page's orders, newest first
     * @param total  how many orders match the filter in all
     */
    public record OrderPage(List<Order> orders, long total) {
    }

}
