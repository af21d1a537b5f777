package io.comanda.notifications;

import io.comanda.devstack.clients.EventProducer;
import io.comanda.devstack.clients.LocalUser;
import io.comanda.devstack.quarkus.TestDatabase;
import io.comanda.events.OrderPlaced;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.comanda.notifications.Customers.ALICE_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The SMTP server accepted a mail and the transaction that marks it sent failed: the record fails and is
 * retried, and the retry only writes the mark. The customer gets one mail, counted by its Message-ID.
 */
@QuarkusTest
class FailedSentMarkIT {

    // A database that refuses the first sent mark of the events listed, as one failing for a moment would.
    // The count of attempts is a sequence: it is not rolled back with the refused transaction.
    @BeforeAll
    static void sentMarksCanBeRefusedOnce() {
        TestDatabase.update("create table if not exists refused_sent_mark (event_id uuid primary key)");
        TestDatabase.update("create sequence if not exists refused_sent_mark_attempts");
        TestDatabase.update("alter sequence refused_sent_mark_attempts restart");
        TestDatabase.update("""
                create or replace function refuse_sent_mark() returns trigger language plpgsql as $$
                begin
                    if new.state = 'SENT' then
                        if exists (select 1 from refused_sent_mark where event_id = new.event_id) then
                            if nextval('refused_sent_mark_attempts') = 1 then
                                raise exception 'the sent mark of event % cannot be written', new.event_id;
                            end if;
                        end if;
                    end if;
                    return new;
                end $$""");
        TestDatabase.update("drop trigger if exists refuse_sent_mark on notification");
        TestDatabase.update("create trigger refuse_sent_mark before update on notification "
                + "for each row execute function refuse_sent_mark()");
    }

    @AfterAll
    static void sentMarksAreWrittenAgain() {
        TestDatabase.update("drop trigger if exists refuse_sent_mark on notification");
        TestDatabase.update("drop function if exists refuse_sent_mark()");
        TestDatabase.update("drop sequence if exists refused_sent_mark_attempts");
        TestDatabase.update("drop table if exists refused_sent_mark");
    }

    @Test
    void aMailWhoseSentMarkFailedOnceIsSentOnce() {
        OrderPlaced order = OrderEvents.placed(Customers.id(LocalUser.ALICE));
        UUID eventId = UUID.randomUUID();
        TestDatabase.update("insert into refused_sent_mark (event_id) values (?)", eventId);

        try (EventProducer producer = OrderEvents.producer()) {
            producer.send(order, eventId, "failed-sent-mark");
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> TestDatabase.count(
                "select count(*) from notification where event_id = ? and state = 'SENT'", eventId) == 1);
        assertThat(TestDatabase.count("select last_value from refused_sent_mark_attempts"))
                .as("the first mark was refused, a later one written").isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(60)).until(OrderEvents::mailConsumerCaughtUp);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> MailCount.answering(ALICE_ADDRESS, eventId) == 1);
        assertThat(TestDatabase.count("select count(*) from inbox where consumer = 'notifications-service' and event_id = ?",
                eventId)).isEqualTo(1);
    }
}
