package org.crmbackoffice.inventory.customer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.crmbackoffice.model.common.EntityRef;

/**
 * The agreements established with customers, as refs for their records. The agreement
 * feature keeps them; the customer feature only shows them, so it asks through this
 * interface rather than depending on that feature.
 */
public interface AgreementRefs {

	/**
	 * @return each given customer's agreements, oldest first; customers without any are
	 * absent
	 */
	Map<UUID, List<EntityRef>> of(Collection<UUID> customerIds);

	/**
	 * @return the customer's agreements, oldest first
	 */
	List<EntityRef> of(UUID customerId);

}
