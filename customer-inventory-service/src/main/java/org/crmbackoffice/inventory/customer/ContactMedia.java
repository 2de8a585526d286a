package org.crmbackoffice.inventory.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.crmbackoffice.inventory.contact.PhoneNumbers;
import org.crmbackoffice.model.common.ContactMedium;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.problem.FieldProblem;

import org.springframework.stereotype.Component;

/**
 * Checks the contact media a client sends and puts their phone numbers in E.164 form, so that every stored number
 * can be found however it is typed.
 */
@Component
class ContactMedia {

	private final PhoneNumbers phoneNumbers;

	ContactMedia(PhoneNumbers phoneNumbers) {
		this.phoneNumbers = phoneNumbers;
	}

	/**
	 * @return the media with their phone numbers in E.164 form
	 * @throws ApiProblemException 400 pointing at each phone number that cannot be read
	 */
	List<ContactMedium> normalised(List<ContactMedium> media) {
		List<ContactMedium> normalised = new ArrayList<>(media.size());
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < media.size(); i++) {
			ContactMedium medium = media.get(i);
			if (medium.phoneNumber() == null) {
				normalised.add(medium);
				continue;
			}
			Optional<String> e164 = this.phoneNumbers.toE164(medium.phoneNumber());
			if (e164.isPresent()) {
				normalised.add(medium.withPhoneNumber(e164.get()));
			}
			else {
				problems.add(FieldProblem.atPropertyPath("contactMedium[" + i + "].phoneNumber",
						"'" + medium.phoneNumber() + "' is not a phone number (one without a + country code is read as a "
								+ this.phoneNumbers.defaultRegion() + " number)"));
			}
		}
		if (!problems.isEmpty()) {
			throw new ApiProblemException(ProblemType.INVALID_REQUEST,
					"The request body has " + problems.size() + " invalid value(s); see errors.", problems, null);
		}
		return normalised;
	}

}
