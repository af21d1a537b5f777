package io.comanda.orders.idempotency;

import java.util.HexFormat;

/**
 * The SHA-256 of a request's method, path and canonical body: equal for a retry, different when a
 * key is reused for another request.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    public static String of(String method, String path, String canonicalBody) {
        return HexFormat.of().formatHex(IdempotencyKey.sha256(method + " " + path + "\n" + canonicalBody));
    }
}
