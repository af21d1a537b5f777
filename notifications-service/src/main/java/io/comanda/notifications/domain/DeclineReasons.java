package io.comanda.notifications.domain;

import java.util.Locale;
import java.util.Map;

/**
 * Says why a card was declined in words a customer understands, from the payment provider's decline
 * code (Stripe's codes). A code alone is never shown: an unknown one falls back to the provider's own
 * sentence, and to a plain statement when there is none.
 */
public final class DeclineReasons {

    private static final String DECLINED = "your card was declined";
    private static final Map<String, String> BY_CODE = Map.ofEntries(
            Map.entry("insufficient_funds", DECLINED + ": insufficient funds"),
            Map.entry("expired_card", DECLINED + ": the card has expired"),
            Map.entry("incorrect_cvc", DECLINED + ": the security code (CVC) is incorrect"),
            Map.entry("incorrect_number", DECLINED + ": the card number is incorrect"),
            Map.entry("card_velocity_exceeded", DECLINED + ": the card's spending limit was reached"),
            Map.entry("lost_card", DECLINED + ": please contact your bank"),
            Map.entry("stolen_card", DECLINED + ": please contact your bank"),
            Map.entry("do_not_honor", DECLINED + " by your bank"),
            Map.entry("generic_decline", DECLINED),
            Map.entry("card_declined", DECLINED),
            Map.entry("processing_error", "your card could not be charged because of a processing error; please try again"),
            // An operator's cancel: the operator's own words stay in the order's record, not in the customer's mail.
            Map.entry("cancelled_by_operator", "we cancelled it, and any payment taken for it is refunded"));

    private DeclineReasons() {
    }

    /**
     * @param declineCode    the provider's decline code, or null
     * @param providerReason the provider's sentence, or null
     * @return a sentence, starting lower case so it reads after "Your order was cancelled: "
     */
    public static String inWords(String declineCode, String providerReason) {
        String known = declineCode == null ? null : BY_CODE.get(declineCode.trim().toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        if (providerReason != null && providerReason.trim().contains(" ")) {
            String sentence = providerReason.trim();
            sentence = sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
            return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
        }
        return "your payment could not be taken";
    }
}
