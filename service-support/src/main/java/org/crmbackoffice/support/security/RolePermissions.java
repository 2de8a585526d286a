package org.crmbackoffice.support.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One service's table of what each role may do there. A role the table does not name
 * grants nothing.
 */
public final class RolePermissions {

	private final Map<String, Set<String>> table;

	private RolePermissions(Map<String, Set<String>> table) {
		this.table = Map.copyOf(table);
	}

	public static RolePermissions of(Map<String, Set<String>> table) {
		return new RolePermissions(table);
	}

	public Set<String> permissionsOf(Collection<String> roles) {
		Set<String> permissions = new LinkedHashSet<>();
		for (String role : roles) {
			permissions.addAll(this.table.getOrDefault(role, Set.of()));
		}
		return permissions;
	}

	public Map<String, Set<String>> table() {
		return this.table;
	}

}
