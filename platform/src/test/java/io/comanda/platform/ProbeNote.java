package io.comanda.platform;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A business row of the probe application, written in the same transaction as its event. */
@Entity
@Table(name = "probe_note")
public class ProbeNote extends PanacheEntityBase {

    @Id
    public UUID id;

    public String text;
}
