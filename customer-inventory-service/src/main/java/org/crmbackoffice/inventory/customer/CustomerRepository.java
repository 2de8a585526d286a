package org.crmbackoffice.inventory.customer;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CustomerRepository extends JpaRepository<CustomerEntity, UUID> {

	@Query("select c.status from CustomerEntity c where c.id = :id")
	Optional<String> findStatusById(UUID id);

}
