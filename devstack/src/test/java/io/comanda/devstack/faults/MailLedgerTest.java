package io.comanda.devstack.faults;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Mails counted twice: by Message-ID, and by the order and the kind of mail whatever the Message-ID. */
class MailLedgerTest {

    private static final String ORDER = "3f2b8c1e-7d4a-4e2b-9c1d-0a1b2c3d4e5f";
    private static final String OTHER_ORDER = "9a8b7c6d-1111-4222-8333-444455556666";
    private static final String RECEIVED = "We received your order 3f2b8c1e";
    private static final String CONFIRMED = "Your order 3f2b8c1e is confirmed";

    private final MailLedger ledger = new MailLedger();

    @Test
    void eachKindOfMailOncePerOrderIsNoDuplicate() {
        ledger.add("<e1.received@comanda>", RECEIVED, text(ORDER));
        ledger.add("<e2.confirmed@comanda>", CONFIRMED, text(ORDER));
        ledger.add("<e3.received@comanda>", "We received your order 9a8b7c6d", text(OTHER_ORDER));

        assertThat(ledger.mails()).isEqualTo(3);
        assertThat(ledger.duplicates()).isZero();
    }

    @Test
    void aMessageIdSeenTwiceIsOneDuplicate() {
        ledger.add("<e1.received@comanda>", RECEIVED, text(ORDER));
        ledger.add("<e1.received@comanda>", RECEIVED, text(ORDER));

        assertThat(ledger.duplicates()).isEqualTo(1);
        assertThat(ledger.sameMessageId()).isEqualTo(1);
        assertThat(ledger.sameOrderAndKind()).isEqualTo(1);
    }

    @Test
    void theSameMailAboutTheSameOrderUnderAnotherMessageIdIsADuplicate() {
        ledger.add("<e1.received@comanda>", RECEIVED, text(ORDER));
        ledger.add("<other@comanda>", RECEIVED, text(ORDER));

        assertThat(ledger.duplicates()).isEqualTo(1);
        assertThat(ledger.sameMessageId()).isZero();
        assertThat(ledger.sameOrderAndKind()).isEqualTo(1);
    }

    @Test
    void ordersSharingTheirShortNumberAreToldApartByTheirText() {
        String sameShortNumber = "3f2b8c1e-0000-4000-8000-000000000000";
        ledger.add("<e1@comanda>", RECEIVED, text(ORDER));
        ledger.add("<e2@comanda>", RECEIVED, text(sameShortNumber));

        assertThat(ledger.duplicates()).isZero();
    }

    @Test
    void aMailNamingNoOrderIsCountedByItsMessageIdOnly() {
        ledger.add("<m1@comanda>", "Welcome", "Hello");
        ledger.add("<m2@comanda>", "Welcome", "Hello");
        ledger.add("<m1@comanda>", "Welcome", "Hello");

        assertThat(ledger.unattributed()).isEqualTo(3);
        assertThat(ledger.duplicates()).isEqualTo(1);
    }

    @Test
    void anOrderMissesAMailUntilItHasEachKindItIsOwed() {
        ledger.add("<e1.received@comanda>", RECEIVED, text(ORDER));
        ledger.add("<e1.received@comanda>", RECEIVED, text(ORDER));

        assertThat(ledger.ordersMissingMail(java.util.List.of(ORDER, OTHER_ORDER), 2))
                .as("a received mail twice is still one kind; the other order has none").isEqualTo(2);
        ledger.add("<e2.confirmed@comanda>", CONFIRMED, text(ORDER));
        assertThat(ledger.ordersMissingMail(java.util.List.of(ORDER, OTHER_ORDER), 2)).isEqualTo(1);
        assertThat(ledger.ordersMissingMail(java.util.List.of(ORDER), 2)).isZero();
    }

    @Test
    void aMailWithoutMessageIdIsCountedByItsOrderAndKind() {
        ledger.add(null, CONFIRMED, text(ORDER));
        ledger.add(null, CONFIRMED, text(ORDER));

        assertThat(ledger.duplicates()).isEqualTo(1);
        assertThat(ledger.sameMessageId()).isZero();
    }

    private static String text(String orderId) {
        return "Hello Alice,\n\nwe received your order " + orderId + ":\n\n1 x ESPRESSO-250G\n";
    }
}
