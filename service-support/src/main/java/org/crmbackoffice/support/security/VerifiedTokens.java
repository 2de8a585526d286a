package org.crmbackoffice.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the bearer tokens that were verified, so that a client sending the same token
 * again is not verified again: decoding and checking a token's signature was the largest
 * single cost of a request (a quarter of the CPU of a request that reads nothing from the
 * database, found with JDK Flight Recorder). A token is remembered by its exact text
 * until it expires (at most {@link #LONGEST}), so nothing that was not verified is ever
 * taken, and an expired token is verified, and refused, again. Refused tokens are not
 * remembered.
 */
final class VerifiedTokens implements JwtDecoder {

	/** How many tokens are remembered at most: the least recently used go first. */
	static final int MAXIMUM_TOKENS = 10_000;

	/** How long a token is remembered at most, whatever its own expiry says. */
	static final Duration LONGEST = Duration.ofMinutes(10);

	private final JwtDecoder verifier;

	private final Cache<String, Jwt> verified;

	/**
	 * @param clock the wall clock a token's expiry is read against
	 * @param ticker what measures how long a token has been remembered; the clock's, in
	 * production
	 */
	VerifiedTokens(JwtDecoder verifier, int maximumTokens, Clock clock, Ticker ticker) {
		this.verifier = verifier;
		this.verified = Caffeine.newBuilder()
			.maximumSize(maximumTokens)
			.ticker(ticker)
			.expireAfter(Expiry.creating((String token, Jwt jwt) -> lifetimeOf(jwt, clock)))
			.build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt known = this.verified.getIfPresent(token);
		if (known != null) {
			return known;
		}
		Jwt jwt = this.verifier.decode(token);
		this.verified.put(token, jwt);
		return jwt;
	}

	/**
	 * Until the token expires, within {@link #LONGEST}; a token without expiry is not
	 * remembered.
	 */
	private static Duration lifetimeOf(Jwt jwt, Clock clock) {
		Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt == null) {
			return Duration.ZERO;
		}
		Duration left = Duration.between(clock.instant(), expiresAt);
		if (left.isNegative()) {
			return Duration.ZERO;
		}
		return (left.compareTo(LONGEST) > 0) ? LONGEST : left;
	}

	/**
	 * Puts every {@link JwtDecoder} of the application, the one Spring Boot configures
	 * from the issuer included, behind a memory of the tokens it verified.
	 */
	static BeanPostProcessor rememberingVerifiedTokens(int maximumTokens) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokens))
						? new VerifiedTokens(decoder, maximumTokens, Clock.systemUTC(), Ticker.systemTicker()) : bean;
			}

		};
	}

}
