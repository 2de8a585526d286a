package org.crmbackoffice.interactions.history;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
record HistoryKey(@Column(name = "interaction_id") UUID interactionId, @Column(name = "sequence") long sequence) {
}
