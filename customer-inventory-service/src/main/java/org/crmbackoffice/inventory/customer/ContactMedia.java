package org.crmbackoffice.inventory.customer;

import java.util.List;
import java.util.Optional;

import org.crmbackoffice.inventory.contact.Countries;
import org.crmbackoffice.inventory.contact.PhoneNumbers;
import org.crmbackoffice.model.common.ContactMedium;

import org.springframework.stereotype.Component;

/**
 * Puts the phone numbers of the contact media a client sends in E.164 form where that is
 * safe, so that every stored number can be found however it is typed. A national number
 * is read in the country its own medium names, else in that of the customer's postal
 * address (by ISO code or by name, as TMF v5 lets clients write it); one that does not
 * read confidently is kept as given.
 */
@Component
class ContactMedia {

	private final PhoneNumbers phoneNumbers;

	ContactMedia(PhoneNumbers phoneNumbers) {
		this.phoneNumbers = phoneNumbers;
	}

	/**
	 * @return the media with their phone numbers in E.164 form where they read
	 * confidently
	 */
	List<ContactMedium> normalised(List<ContactMedium> media) {
		String postalCountry = media.stream()
			.filter((medium) -> ContactMedium.POSTAL_ADDRESS.equals(medium.mediumType()))
			.map((medium) -> Countries.isoCodeOf(medium.country()))
			.flatMap(Optional::stream)
			.findFirst()
			.orElse(null);
		return media.stream()
			.map((medium) -> (medium.phoneNumber() == null) ? medium
					: medium.withPhoneNumber(this.phoneNumbers.toStored(medium.phoneNumber(),
							Countries.isoCodeOf(medium.country()).orElse(postalCountry))))
			.toList();
	}

}
