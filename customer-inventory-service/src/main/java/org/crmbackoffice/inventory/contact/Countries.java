package org.crmbackoffice.inventory.contact;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the country of an address as people write it, by its ISO 3166 code or its name
 * ({@code FR}, {@code FRA}, {@code France}, {@code Deutschland}), and gives its ISO
 * 3166-1 alpha-2 code. TMF v5 leaves the country of an address free text, and the
 * specification's own examples write the name.
 */
public final class Countries {

	private static final Set<String> ALPHA_2 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

	private static final Map<String, String> BY_NAME_OR_ALPHA_3 = byNameOrAlpha3();

	private Countries() {
	}

	/** The ISO 3166-1 alpha-2 code of the country, or empty when the text names none. */
	public static Optional<String> isoCodeOf(String country) {
		if (country == null || country.isBlank()) {
			return Optional.empty();
		}
		String text = country.strip();
		String upper = text.toUpperCase(Locale.ROOT);
		if (ALPHA_2.contains(upper)) {
			return Optional.of(upper);
		}
		return Optional.ofNullable(BY_NAME_OR_ALPHA_3.get(text.toLowerCase(Locale.ROOT)));
	}

	/**
	 * Each country's alpha-3 code and its name in English and in the country's own
	 * languages.
	 */
	private static Map<String, String> byNameOrAlpha3() {
		Map<String, String> codes = new HashMap<>();
		for (String code : ALPHA_2) {
			Locale country = new Locale.Builder().setRegion(code).build();
			codes.put(country.getISO3Country().toLowerCase(Locale.ROOT), code);
			codes.put(country.getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
		}
		for (Locale locale : Locale.getAvailableLocales()) {
			if (!locale.getCountry().isEmpty() && ALPHA_2.contains(locale.getCountry())) {
				codes.putIfAbsent(locale.getDisplayCountry(locale).toLowerCase(locale), locale.getCountry());
			}
		}
		return Map.copyOf(codes);
	}

}
