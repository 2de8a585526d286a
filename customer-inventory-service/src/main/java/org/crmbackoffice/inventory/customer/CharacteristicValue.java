package org.crmbackoffice.inventory.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmbackoffice.model.common.Characteristic;

/** One characteristic of a customer, as stored. */
@Embeddable
record CharacteristicValue(@Column(name = "at_type") String type, @Column(name = "name") String name,
		@Column(name = "value_type") String valueType, @Column(name = "value_text") String value) {

	static CharacteristicValue of(Characteristic characteristic) {
		return new CharacteristicValue(characteristic.type(), characteristic.name(), characteristic.valueType(),
				characteristic.value());
	}

	Characteristic toCharacteristic() {
		return new Characteristic(this.type, this.name, this.valueType, this.value).typed();
	}

}
