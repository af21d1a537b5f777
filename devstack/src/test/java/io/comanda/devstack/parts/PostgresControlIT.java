package io.comanda.devstack.parts;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL under the operator's control, as the local stack runs it: killed as a crash would end it,
 * then started again on the same port and data directory, with what it had committed.
 */
class PostgresControlIT {

    private final Path directory = Path.of("target", "devstack", "postgres-control").toAbsolutePath();
    private final int port = Ports.free();
    private final RestartablePart<PostgresServer> postgres = new RestartablePart<>("postgres", port, () ->
            PostgresServer.start(directory.resolve("data"), port, false, directory.resolve("postgres.log")));

    @AfterEach
    void stop() {
        postgres.stop();
    }

    @Test
    void aKilledServerStartsAgainOnItsPortWithItsCommittedData() throws SQLException {
        MachineCache.deleteRecursively(directory);
        postgres.start();
        execute("create table if not exists survivors (name text)", "insert into survivors values ('committed')");
        long pid = postgres.pid().getAsLong();

        assertThat(postgres.kill()).isEqualTo(pid);

        assertThat(postgres.state()).isEqualTo(RestartablePart.State.DEAD);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(postgres.start()).isTrue();
        assertThat(postgres.pid().getAsLong()).isNotEqualTo(pid);
        assertThat(postgres.current().orElseThrow().port()).isEqualTo(port);
        assertThat(committedNames()).isEqualTo("committed");
    }

    @Test
    void aStoppedServerIsGoneAndStartsAgainWithItsData() throws SQLException {
        MachineCache.deleteRecursively(directory);
        postgres.start();
        execute("create table if not exists survivors (name text)", "insert into survivors values ('committed')");
        long pid = postgres.pid().getAsLong();

        postgres.stop();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(Ports.inUse(port)).isFalse();
        postgres.start();
        assertThat(committedNames()).isEqualTo("committed");
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = postgres.current().orElseThrow().connect("postgres");
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private String committedNames() throws SQLException {
        try (Connection connection = postgres.current().orElseThrow().connect("postgres");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select string_agg(name, ',') from survivors")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
