package org.crmbackoffice.support.hub;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}
 * keyed with the listener's secret, which is {@code whsec_} followed by the base64 of 24
 * random bytes.
 */
public final class WebhookSignature {

	static final String SECRET_PREFIX = "whsec_";

	private static final SecureRandom random = new SecureRandom();

	private WebhookSignature() {
	}

	static String newSecret() {
		byte[] key = new byte[24];
		random.nextBytes(key);
		return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
	}

	/** The {@code webhook-signature} value for one message under one secret. */
	public static String sign(String secret, String messageId, long timestampSeconds, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] signature = mac
				.doFinal((messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
