package org.crmbackoffice.inventory;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.crmbackoffice.testsupport.ServiceArchitectureRules;

@AnalyzeClasses(packages = "org.crmbackoffice.inventory", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchTests serviceStructure = ArchTests.in(ServiceArchitectureRules.class);

}
