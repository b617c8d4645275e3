package com.northbeam.testsupport.architecture;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture rules every service follows, derived from its packages rather than
 * from a hand-kept list: each top-level package under the service's root is a feature,
 * {@code system} is cross-cutting. A feature's public face is the public types in its
 * root package, except its repositories and web controllers; everything else is internal.
 * <p>
 * Table ownership is read from the service's {@code ### Tables} table in
 * {@code docs/architecture.md}, so the document and the code cannot drift apart. Call it
 * from a module's {@code ArchitectureTests}, whose working directory is the module's
 * folder: <pre>
 * static final FeatureArchitecture ARCHITECTURE = FeatureArchitecture.of("com.northbeam.assessment", "assessment-service");
 * &#64;Test void featuresHaveNoCycles() { ARCHITECTURE.featuresHaveNoCycles().check(ARCHITECTURE.classes()); }
 * &#64;Test void sqlNamesOnlyOwnTables() { ARCHITECTURE.assertSqlNamesOnlyOwnTables(); }
 * </pre>
 */
public final class FeatureArchitecture {

	/** The package that is cross-cutting configuration, not a feature. */
	public static final String SYSTEM = "system";

	private final String rootPackage;

	private final String serviceName;

	private final Path moduleDirectory;

	private final JavaClasses classes;

	private FeatureArchitecture(String rootPackage, String serviceName, Path moduleDirectory) {
		this.rootPackage = rootPackage;
		this.serviceName = serviceName;
		this.moduleDirectory = moduleDirectory;
		this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(FeatureArchitecture::writtenByHand)
			.importPackages(rootPackage);
	}

	/**
	 * Leaves out the classes Spring's ahead-of-time processing generates into the same
	 * output folder ({@code Foo__BeanDefinitions}, {@code Foo$$SpringCGLIB$$0}), which
	 * stay there after a build without {@code clean}: the rules are about our code.
	 */
	private static boolean writtenByHand(Location location) {
		String path = location.asURI().toString();
		return !path.contains("__") && !path.contains("$$SpringCGLIB$$");
	}

	/**
	 * The rules of the service whose main classes live under {@code rootPackage}, run
	 * from its module folder.
	 */
	public static FeatureArchitecture of(String rootPackage, String serviceName) {
		return new FeatureArchitecture(rootPackage, serviceName, Path.of(""));
	}

	/** The service's main classes (tests excluded). */
	public JavaClasses classes() {
		return this.classes;
	}

	/**
	 * The feature a package belongs to, or empty for the root package and packages
	 * outside the service.
	 */
	public Optional<String> featureOf(String packageName) {
		if (!packageName.startsWith(this.rootPackage + ".")) {
			return Optional.empty();
		}
		String rest = packageName.substring(this.rootPackage.length() + 1);
		int dot = rest.indexOf('.');
		return Optional.of((dot < 0) ? rest : rest.substring(0, dot));
	}

	/** No two features depend on each other, directly or around a cycle. */
	public ArchRule featuresHaveNoCycles() {
		return slices().matching(this.rootPackage + ".(*)..").should().beFreeOfCycles();
	}

	/** {@code system/} is used by features, never the other way round. */
	public ArchRule systemDependsOnNoFeature() {
		return ArchRuleDefinition.classes()
			.that()
			.resideInAPackage(this.rootPackage + "." + SYSTEM + "..")
			.should(dependOnNothingOf("any feature", (feature) -> !SYSTEM.equals(feature)));
	}

	/**
	 * A class uses another feature only through its public face: public types in that
	 * feature's root package that are neither repositories nor web controllers.
	 */
	public ArchRule featuresUseOnlyEachOthersPublicFace() {
		return ArchRuleDefinition.classes()
			.that()
			.resideInAPackage(this.rootPackage + "..")
			.should(new ArchCondition<JavaClass>("use other features only through their public face") {
				@Override
				public void check(JavaClass origin, ConditionEvents events) {
					Optional<String> from = featureOf(origin.getPackageName());
					for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
						JavaClass target = dependency.getTargetClass().getBaseComponentType();
						Optional<String> to = featureOf(target.getPackageName());
						if (to.isEmpty() || to.equals(from) || isPublicFace(target, to.get())) {
							continue;
						}
						events.add(SimpleConditionEvent.violated(dependency,
								dependency.getDescription() + ", which is internal to feature '" + to.get() + "'"));
					}
				}
			});
	}

	/** Only classes whose name ends with {@code Repository} run SQL. */
	public ArchRule onlyRepositoriesRunSql() {
		return noClasses().that()
			.haveSimpleNameNotEndingWith("Repository")
			.and()
			.resideInAPackage(this.rootPackage + "..")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate")
			.because("SQL lives in repositories");
	}

	/**
	 * Public faces are public types in a feature's root package, except repositories and
	 * controllers.
	 */
	private boolean isPublicFace(JavaClass target, String feature) {
		JavaClass outermost = target;
		while (outermost.getEnclosingClass().isPresent()) {
			if (!outermost.getModifiers().contains(JavaModifier.PUBLIC)) {
				return false;
			}
			outermost = outermost.getEnclosingClass().get();
		}
		String name = outermost.getSimpleName();
		return outermost.getPackageName().equals(this.rootPackage + "." + feature)
				&& outermost.getModifiers().contains(JavaModifier.PUBLIC) && !name.endsWith("Repository")
				&& !name.endsWith("Controller");
	}

	private ArchCondition<JavaClass> dependOnNothingOf(String what, Predicate<String> feature) {
		return new ArchCondition<>("depend on nothing of " + what) {
			@Override
			public void check(JavaClass origin, ConditionEvents events) {
				for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
					Optional<String> to = featureOf(
							dependency.getTargetClass().getBaseComponentType().getPackageName());
					if (to.isPresent() && feature.test(to.get())) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}
		};
	}

	/**
	 * Every table the migrations create has one owner in {@code docs/architecture.md},
	 * every table listed there exists, and SQL in main code names only tables that the
	 * file's own feature owns.
	 */
	public void assertSqlNamesOnlyOwnTables() {
		TableOwnership ownership = new TableOwnership(this.serviceName, this.moduleDirectory);
		Map<String, String> owners = ownership.owners();
		Set<String> migrated = ownership.migratedTables();
		List<String> problems = new ArrayList<>();
		for (String table : migrated) {
			if (!owners.containsKey(table)) {
				problems.add("table " + table + " is created by a migration but has no owner in docs/architecture.md");
			}
		}
		for (String table : owners.keySet()) {
			if (!migrated.contains(table)) {
				problems.add("table " + table + " is listed in docs/architecture.md but no migration creates it");
			}
		}
		for (Path source : ModuleFiles.files(this.moduleDirectory.resolve("src/main/java"), ".java")) {
			String feature = featureOf(packageOf(source)).orElse("(root package)");
			for (String table : TableOwnership.tablesNamedBy(ModuleFiles.read(source), owners.keySet())) {
				if (!owners.get(table).equals(feature)) {
					problems.add(source + " (feature '" + feature + "') has SQL naming table " + table
							+ ", owned by feature '" + owners.get(table) + "'");
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new AssertionError("Table ownership is broken:\n  " + String.join("\n  ", problems));
		}
	}

	/** No file under {@code src/main/java} is longer than {@code maximum} lines. */
	public void assertMainClassesAtMost(int maximum) {
		Map<Path, Long> tooLong = new TreeMap<>();
		for (Path source : ModuleFiles.files(this.moduleDirectory.resolve("src/main/java"), ".java")) {
			long lines = ModuleFiles.read(source).lines().count();
			if (lines > maximum) {
				tooLong.put(source, lines);
			}
		}
		if (!tooLong.isEmpty()) {
			throw new AssertionError(
					"Main classes over " + maximum + " lines (split them by responsibility): " + tooLong);
		}
	}

	/** The service's table owners, from its section of {@code docs/architecture.md}. */
	public Map<String, String> tableOwners() {
		return new TableOwnership(this.serviceName, this.moduleDirectory).owners();
	}

	private String packageOf(Path source) {
		Path relative = this.moduleDirectory.resolve("src/main/java").relativize(source).getParent();
		return (relative != null) ? relative.toString().replace(source.getFileSystem().getSeparator(), ".") : "";
	}

}
