package org.tuanwu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(TuanwuApplication.class);

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.tuanwu");

	@Test
	void modulesOnlyUseEachOthersPublicFaceAndDeclaredDependencies() {
		MODULES.verify();
	}

	@Test
	void repositoriesAreInternalAndNotPublic() {
		classes().that()
			.areAnnotatedWith(Repository.class)
			.should()
			.notHaveModifier(JavaModifier.PUBLIC)
			.andShould()
			.resideInAPackage("..internal..")
			.check(CLASSES);
	}

	@Test
	void controllersAreInternalAndNotPublic() {
		classes().that()
			.areAnnotatedWith(RestController.class)
			.should()
			.notHaveModifier(JavaModifier.PUBLIC)
			.andShould()
			.resideInAPackage("..internal..")
			.check(CLASSES);
	}

	@Test
	void storedRowsNeverLeaveTheirModule() {
		noClasses().that()
			.resideOutsideOfPackage("..internal..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..internal..")
			.check(CLASSES);
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
