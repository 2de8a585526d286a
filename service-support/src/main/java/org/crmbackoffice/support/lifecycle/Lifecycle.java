package org.crmbackoffice.support.lifecycle;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;

/**
 * The moves a resource's status may make, declared state by state; a state that allows
 * none is final. A move to the state a resource is in is always allowed, since a client
 * that sends the whole resource back sends its status too.
 *
 * @param <S> the status
 */
public final class Lifecycle<S extends Enum<S>> {

	private final String resource;

	private final Function<S, String> value;

	private final Map<S, Set<S>> moves;

	private Lifecycle(String resource, Function<S, String> value, Map<S, Set<S>> moves) {
		this.resource = resource;
		this.value = value;
		this.moves = moves;
	}

	/**
	 * @param resource how the problem names a resource, e.g. {@code "An agreement"}
	 * @param value the status as the API writes it
	 */
	public static <S extends Enum<S>> Lifecycle<S> of(Class<S> status, String resource, Function<S, String> value) {
		Map<S, Set<S>> moves = new EnumMap<>(status);
		for (S state : status.getEnumConstants()) {
			moves.put(state, EnumSet.noneOf(status));
		}
		return new Lifecycle<>(resource, value, moves);
	}

	/** Allows the moves from one state to the others given. */
	@SafeVarargs
	public final Lifecycle<S> from(S state, S... next) {
		this.moves.get(state).addAll(List.of(next));
		return this;
	}

	public Set<S> allowedFrom(S state) {
		return EnumSet.copyOf(this.moves.get(state));
	}

	/**
	 * @throws ApiProblemException 409 naming the moves that are allowed from {@code from}
	 * in {@code allowedTransitions}
	 */
	public void checkMove(S from, S to) {
		if (from == to || this.moves.get(from).contains(to)) {
			return;
		}
		List<String> allowed = this.moves.get(from).stream().map(this.value).toList();
		throw new ApiProblemException(ProblemType.CONFLICT,
				this.resource + " that is " + this.value.apply(from) + " cannot become " + this.value.apply(to) + "."
						+ (allowed.isEmpty() ? " It is final." : " It can become: " + String.join(", ", allowed) + "."),
				Map.of("allowedTransitions", allowed));
	}

}
