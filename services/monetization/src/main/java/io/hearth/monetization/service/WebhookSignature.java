package io.hearth.monetization.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.monetization.config.PaymentsConfig;
import io.hearth.platform.rest.ProblemType;
import io.hearth.platform.rest.Problems;

/**
 * Checks that a webhook callback comes from the payment provider: its {@value #HEADER} header must be the lower-case
 * hex HMAC-SHA256 of the raw body bytes under the shared secret, compared in constant time.
 */
@ApplicationScoped
public class WebhookSignature {
    public static final String HEADER = "Hearth-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public WebhookSignature(PaymentsConfig config) {
        this.key = new SecretKeySpec(config.webhookSecret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** Returns normally for a body signed with the secret; otherwise a 401 problem. */
    public void verify(byte[] body, String signature) {
        if (signature == null || signature.isBlank()) {
            throw Problems.of(ProblemType.SIGNATURE_INVALID, "The callback is not signed: send the " + HEADER + " header.");
        }
        byte[] expected = HexFormat.of().formatHex(mac(body)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII))) {
            throw Problems.of(ProblemType.SIGNATURE_INVALID, "The " + HEADER + " header does not match the body.");
        }
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
