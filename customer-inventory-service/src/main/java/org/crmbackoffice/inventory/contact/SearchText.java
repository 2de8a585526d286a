package org.crmbackoffice.inventory.contact;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as search compares it: without accents (canonical decomposition, combining marks
 * dropped), in lower case, with runs of white space as one space. "Zoë Ñúñez" and "zoe
 * nunez" fold to the same text. Letters that carry no combining mark in Unicode, such as
 * ø, ł or ß, stay as they are.
 */
public final class SearchText {

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

	private SearchText() {
	}

	/** The folded text, or {@code null} for {@code null}. */
	public static String fold(String text) {
		if (text == null) {
			return null;
		}
		// Lower case first: some capitals (İ) lower-case to a letter and a combining
		// mark, dropped next.
		String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
		String unaccented = COMBINING_MARKS.matcher(decomposed).replaceAll("");
		return WHITE_SPACE.matcher(unaccented).replaceAll(" ").trim();
	}

}
