package org.crmbackoffice.support.hub;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.problem.FieldProblem;

/**
 * Refuses callbacks that would make the service call into its own network (server-side
 * request forgery): any address that is loopback, private, link-local or otherwise not
 * public, unless explicitly allowed. Checked at registration and again before every
 * delivery, since a name can be re-pointed.
 */
final class CallbackGuard {

	private final boolean allowPrivate;

	CallbackGuard(boolean allowPrivate) {
		this.allowPrivate = allowPrivate;
	}

	URI check(String callback) {
		URI uri;
		try {
			uri = URI.create(callback);
		}
		catch (IllegalArgumentException ex) {
			throw refused("is not a URL");
		}
		if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase())
				|| uri.getHost() == null) {
			throw refused("must be an http or https URL with a host");
		}
		if (!this.allowPrivate) {
			try {
				for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
					if (isInternal(address)) {
						throw refused("points at an internal address (" + address.getHostAddress() + ")");
					}
				}
			}
			catch (UnknownHostException ex) {
				throw refused("names a host that does not resolve");
			}
		}
		return uri;
	}

	private static boolean isInternal(InetAddress address) {
		byte[] bytes = address.getAddress();
		boolean carrierGradeNat = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
		boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
		return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress() || carrierGradeNat || uniqueLocalV6;
	}

	private static ApiProblemException refused(String why) {
		return new ApiProblemException(ProblemType.INVALID_REQUEST, "The callback " + why + ".",
				List.of(new FieldProblem("/callback", why)), null);
	}

}
