package org.crmbackoffice.interactions;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.crmbackoffice.testsupport.ServiceArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.crmbackoffice.interactions", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchTests serviceStructure = ArchTests.in(ServiceArchitectureRules.class);

	/**
	 * Notifications reach the interaction log only through the port it implements, so
	 * that the log can call them without a cycle.
	 */
	@ArchTest
	static final ArchRule notificationsDoNotReachIntoTheInteractionLog = noClasses().that()
		.resideInAPackage("..interactions.notification..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("..interactions.interaction..");

}
