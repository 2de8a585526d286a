package org.crmbackoffice.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tokens are verified once while they are valid: a repeat is answered from memory, an
 * expired or refused token goes to the verifier every time.
 */
class VerifiedTokensTests {

	private final AtomicLong nanos = new AtomicLong();

	private final Instant start = Instant.parse("2026-12-02T10:00:00Z");

	private final List<String> verified = new ArrayList<>();

	/** Verifies "good-<seconds to live>" tokens and refuses every other. */
	private final JwtDecoder verifier = (token) -> {
		this.verified.add(token);
		if (!token.startsWith("good-")) {
			throw new BadJwtException("not a token of ours");
		}
		Instant now = now();
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject("agent")
			.issuedAt(now)
			.expiresAt(now.plusSeconds(Long.parseLong(token.substring(5))))
			.build();
	};

	@Test
	void verifiesATokenOnceUntilItExpires() {
		VerifiedTokens tokens = new VerifiedTokens(this.verifier, 100, clock(), ticker());
		assertThat(tokens.decode("good-60").getSubject()).isEqualTo("agent");
		assertThat(tokens.decode("good-60").getSubject()).isEqualTo("agent");
		assertThat(this.verified).containsExactly("good-60");

		advance(Duration.ofSeconds(61));
		tokens.decode("good-60");
		assertThat(this.verified).containsExactly("good-60", "good-60");
	}

	@Test
	void remembersALongLivedTokenNoLongerThanTenMinutes() {
		VerifiedTokens tokens = new VerifiedTokens(this.verifier, 100, clock(), ticker());
		tokens.decode("good-86400");
		advance(Duration.ofMinutes(9));
		tokens.decode("good-86400");
		assertThat(this.verified).hasSize(1);

		advance(Duration.ofMinutes(2));
		tokens.decode("good-86400");
		assertThat(this.verified).hasSize(2);
	}

	@Test
	void neverRemembersARefusedToken() {
		VerifiedTokens tokens = new VerifiedTokens(this.verifier, 100, clock(), ticker());
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode("forged"));
		}
		assertThat(this.verified).containsExactly("forged", "forged");
	}

	private void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

	private Instant now() {
		return this.start.plusNanos(this.nanos.get());
	}

	/** The wall clock and the ticker move together, as they do outside tests. */
	private Clock clock() {
		return new Clock() {

			@Override
			public ZoneOffset getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now();
			}

		};
	}

	private Ticker ticker() {
		return this.nanos::get;
	}

}
