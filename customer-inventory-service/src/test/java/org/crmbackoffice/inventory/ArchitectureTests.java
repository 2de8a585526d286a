package org.crmbackoffice.inventory;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
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

}
