package org.crmbackoffice.inventory.agreement;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AgreementRepository extends JpaRepository<AgreementEntity, UUID> {

	@Query("""
			select a.customerId as customerId, a.id as id, a.name as name from AgreementEntity a
			where a.customerId in :customerIds order by a.createdAt, a.id""")
	List<AgreementOfCustomer> findRefsByCustomerIdIn(Collection<UUID> customerIds);

	/**
	 * One customer's agreements. A query of its own rather than
	 * {@link #findRefsByCustomerIdIn} with one id: Hibernate translates a query with a
	 * list parameter anew on every execution, and this one runs on every read of a
	 * customer.
	 */
	@Query("""
			select a.customerId as customerId, a.id as id, a.name as name from AgreementEntity a
			where a.customerId = :customerId order by a.createdAt, a.id""")
	List<AgreementOfCustomer> findRefsByCustomerId(UUID customerId);

	@Query("""
			select a from AgreementEntity a
			where (:customerId is null or a.customerId = :customerId) and (:status is null or a.status = :status)""")
	Page<AgreementEntity> findAllBy(UUID customerId, String status, Pageable page);

	List<AgreementEntity> findByCustomerIdOrderByCreatedAtAscIdAsc(UUID customerId);

	/** The columns a customer record shows of each of its agreements. */
	interface AgreementOfCustomer {

		UUID getCustomerId();

		UUID getId();

		String getName();

	}

}
