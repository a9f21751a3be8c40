package org.tuanwu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.ApplicationModule;
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

	/**
	 * The modules table of docs/architecture.md names every module with the dependencies
	 * its package-info allows, so that the document cannot drift from the code.
	 */
	@Test
	void theArchitectureDocumentNamesEveryModuleWithItsDependencies() throws Exception {
		Map<String, Set<String>> documented = new TreeMap<>();
		for (String line : Files.readAllLines(Path.of("docs", "architecture.md"), StandardCharsets.UTF_8)) {
			String[] cells = line.split("\\|");
			Matcher name = Pattern.compile("^`([a-z]+)`$").matcher(cells.length >= 5 ? cells[1].strip() : "");
			if (name.matches()) {
				Set<String> dependencies = new TreeSet<>();
				Matcher m = Pattern.compile("`([a-z]+)`").matcher(cells[4]);
				while (m.find()) {
					dependencies.add(m.group(1));
				}
				documented.put(name.group(1), dependencies);
			}
		}

		Map<String, Set<String>> declared = new TreeMap<>();
		for (ApplicationModule module : MODULES) {
			org.springframework.modulith.ApplicationModule annotation = Class
				.forName(module.getBasePackage().getName() + ".package-info")
				.getAnnotation(org.springframework.modulith.ApplicationModule.class);
			Set<String> allowed = new TreeSet<>(List.of(annotation.allowedDependencies()));
			// The default, "not declared": the open module shared depends on nothing.
			allowed.remove(org.springframework.modulith.ApplicationModule.OPEN_TOKEN);
			declared.put(module.getIdentifier().toString(), allowed);
		}

		assertThat(documented).isEqualTo(declared);
	}

}
