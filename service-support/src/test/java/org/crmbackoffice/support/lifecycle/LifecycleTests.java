package org.crmbackoffice.support.lifecycle;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class LifecycleTests {

	enum Status {

		NEW, ACTIVE, SUSPENDED, ENDED;

		String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final Lifecycle<Status> lifecycle = Lifecycle.of(Status.class, "A contract", Status::value)
		.from(Status.NEW, Status.ACTIVE, Status.ENDED)
		.from(Status.ACTIVE, Status.SUSPENDED, Status.ENDED)
		.from(Status.SUSPENDED, Status.ACTIVE, Status.ENDED);

	@Test
	void allowsTheDeclaredMovesAndStayingPut() {
		assertThatNoException().isThrownBy(() -> {
			this.lifecycle.checkMove(Status.NEW, Status.ACTIVE);
			this.lifecycle.checkMove(Status.SUSPENDED, Status.ACTIVE);
			this.lifecycle.checkMove(Status.ENDED, Status.ENDED);
		});
		assertThat(this.lifecycle.allowedFrom(Status.ACTIVE)).containsExactly(Status.SUSPENDED, Status.ENDED);
	}

	@Test
	void refusesAnyOtherMoveWithAConflictNamingTheAllowedOnes() {
		assertThatExceptionOfType(ApiProblemException.class)
			.isThrownBy(() -> this.lifecycle.checkMove(Status.NEW, Status.SUSPENDED))
			.satisfies((problem) -> {
				assertThat(problem.type()).isEqualTo(ProblemType.CONFLICT);
				assertThat(problem.getMessage())
					.isEqualTo("A contract that is new cannot become suspended. It can become: active, ended.");
				assertThat(problem.properties()).isEqualTo(Map.of("allowedTransitions", List.of("active", "ended")));
			});
	}

	@Test
	void saysAStateWithoutMovesIsFinal() {
		assertThatExceptionOfType(ApiProblemException.class)
			.isThrownBy(() -> this.lifecycle.checkMove(Status.ENDED, Status.ACTIVE))
			.withMessage("A contract that is ended cannot become active. It is final.");
		assertThat(this.lifecycle.allowedFrom(Status.ENDED)).isEmpty();
	}

}
