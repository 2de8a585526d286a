package org.crmbackoffice.support.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Reads a validated JWT as a {@link Caller}: the roles claim becomes the permissions of
 * the service's role table, plus a {@code ROLE_} authority per role.
 */
public class CallerTokens implements Converter<Jwt, AbstractAuthenticationToken> {

	private final SecurityProperties properties;

	private final RolePermissions permissions;

	public CallerTokens(SecurityProperties properties, RolePermissions permissions) {
		this.properties = properties;
		this.permissions = permissions;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		Set<String> roles = rolesOf(jwt);
		List<GrantedAuthority> authorities = new ArrayList<>();
		this.permissions.permissionsOf(roles)
			.forEach((permission) -> authorities.add(new SimpleGrantedAuthority(permission)));
		roles.forEach((role) -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
	}

	Caller callerOf(Jwt jwt) {
		String clientId = jwt.getClaimAsString(this.properties.clientIdClaim());
		Set<String> roles = rolesOf(jwt);
		return new Caller(jwt.getSubject(), (clientId != null) ? clientId : jwt.getSubject(), roles,
				jwt.getClaimAsString(this.properties.partyIdClaim()), this.permissions.permissionsOf(roles));
	}

	/**
	 * Identity providers write roles as a JSON array or as one space- or comma-separated
	 * string.
	 */
	private Set<String> rolesOf(Jwt jwt) {
		Object claim = jwt.getClaim(this.properties.rolesClaim());
		Set<String> roles = new LinkedHashSet<>();
		if (claim instanceof Collection<?> values) {
			values.forEach((value) -> roles.add(String.valueOf(value)));
		}
		else if (claim instanceof String value) {
			Arrays.stream(value.split("[\\s,]+")).filter((role) -> !role.isBlank()).forEach(roles::add);
		}
		return roles;
	}

}
