package org.crmbackoffice.inventory;

import java.util.UUID;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.crmbackoffice.inventory.audit.AuditTrail;
import org.crmbackoffice.testsupport.ServiceArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.crmbackoffice.inventory", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchTests serviceStructure = ArchTests.in(ServiceArchitectureRules.class);

	/**
	 * Usage is metered from what the API serves; the audit trail counts into it, never
	 * the other way.
	 */
	@ArchTest
	static final ArchRule usageReportingStandsApartFromTheAuditTrail = noClasses().that()
		.resideInAPackage("..inventory.usage..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("..inventory.audit..");

	/**
	 * One convention for auditing writes: a record's changes are recorded in the audit
	 * trail where its events are told (CustomerEvents, PartyEvents, AgreementEvents), so
	 * no write path can change a record without its trail. Privacy requests record the
	 * downloads they serve themselves.
	 */
	@ArchTest
	static final ArchRule writesAreAuditedWhereTheirEventsAreTold = noClasses().that()
		.haveSimpleNameNotEndingWith("Events")
		.and()
		.resideOutsideOfPackages("..inventory.audit..", "..inventory.privacy..")
		.should()
		.callMethod(AuditTrail.class, "recordWrite", UUID.class, String.class, Object.class, Object.class)
		.orShould()
		.callMethod(AuditTrail.class, "recordWrite", UUID.class, String.class, String.class, Object.class,
				Object.class);

}
