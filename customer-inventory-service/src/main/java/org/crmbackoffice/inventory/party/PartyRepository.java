package org.crmbackoffice.inventory.party;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface PartyRepository extends JpaRepository<PartyEntity, UUID> {

}
