package org.crmbackoffice.interactions.interaction;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface PartyInteractionRepository extends JpaRepository<PartyInteractionEntity, UUID> {

}
