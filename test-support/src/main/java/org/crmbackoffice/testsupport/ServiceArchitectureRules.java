package org.crmbackoffice.testsupport;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;

import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The structure every service keeps: organised by feature, with stored data behind each
 * feature's own service. A service's architecture test includes these with
 * {@code ArchTests.in(ServiceArchitectureRules.class)}.
 */
public final class ServiceArchitectureRules {

	@ArchTest
	static final ArchRule storedDataStaysInsideItsFeature = classes().that()
		.areAnnotatedWith(Entity.class)
		.or()
		.areAnnotatedWith(Embeddable.class)
		.should()
		.notBePublic();

	@ArchTest
	static final ArchRule controllersGoThroughServices = noClasses().that()
		.areAnnotatedWith(RestController.class)
		.should()
		.dependOnClassesThat()
		.areAssignableTo(Repository.class);

	/**
	 * Feature packages are the ones directly below a service's root package, e.g.
	 * {@code inventory.customer}.
	 */
	@ArchTest
	static final ArchRule featuresDoNotDependOnEachOtherInCircles = slices().matching("org.crmbackoffice.*.(*)..")
		.should()
		.beFreeOfCycles();

	private ServiceArchitectureRules() {
	}

}
