package com.northbeam.assessment.cost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.northbeam.assessment.cost.CostComparison.Item;
import com.northbeam.assessment.cost.CostComparison.Setup;
import com.northbeam.assessment.questionnaire.Answers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class CostCalculatorTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** The seeded assumptions, read from the migration that stores them. */
	static final PriceAssumptions SEEDED = seeded();

	static PriceAssumptions seeded() {
		try (InputStream in = new ClassPathResource("db/migration/common/V2__seed_initial_price_assumptions.sql")
			.getInputStream()) {
			Matcher json = Pattern.compile("'(\\{.*\\})'")
				.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			assertThat(json.find()).isTrue();
			return JSON.readValue(json.group(1), PriceAssumptions.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Answers answers(String employees, String internalIt, String security) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		values.put("employees", List.of(employees));
		values.put("internal_it", List.of(internalIt));
		values.put("security_complexity", List.of(security));
		return new Answers(1, values);
	}

	static Item item(Setup setup, String code) {
		return setup.items().stream().filter((item) -> item.code().equals(code)).findFirst().orElseThrow();
	}

	@Test
	void withoutFiguresEverythingIsEstimatedFromTheAnswers() {
		CostComparison cost = CostCalculator.compare(answers("51-200", "it_team", "basic"), CostInputs.NONE, SEEDED, 7);
		assertThat(cost.assumptionsVersion()).isEqualTo(7);
		assertThat(cost.estimated()).isTrue();
		assertThat(cost.users()).isEqualTo(SEEDED.employeesPerBand().get("51-200"));
		assertThat(cost.itStaff()).isEqualTo(SEEDED.itStaffByInternalIt().get("it_team"));
		assertThat(cost.current().items()).extracting(Item::code)
			.containsExactly("salaries", "benefits", "recruiting", "training", "tools_and_monitoring");
		assertThat(cost.current().items()).allSatisfy((item) -> assertThat(item.estimated()).isTrue());
		double people = cost.itStaff() * SEEDED.loadedSalary();
		assertThat(item(cost.current(), "salaries").amount())
			.isEqualTo(Math.round(people * (1 - SEEDED.benefitsShare())));
		assertThat(item(cost.current(), "benefits").amount()).isEqualTo(Math.round(people * SEEDED.benefitsShare()));
		assertThat(cost.coManaged().items()).extracting(Item::code).contains("service_agreement", "projects");
		assertThat(cost.fullyManaged().items()).extracting(Item::code).doesNotContain("security_add_ons");
	}

	@Test
	void givenFiguresAreUsedAndNotMarkedAsEstimates() {
		CostInputs inputs = new CostInputs(2.0, 80_000.0, 10_000.0, 5_000.0);
		CostComparison cost = CostCalculator.compare(answers("11-50", "it_team", "basic"), inputs, SEEDED, 1);
		assertThat(cost.itStaff()).isEqualTo(2.0);
		assertThat(cost.current().items()).allSatisfy((item) -> assertThat(item.estimated()).isFalse());
		assertThat(item(cost.current(), "salaries").amount() + item(cost.current(), "benefits").amount())
			.isEqualTo(160_000);
		assertThat(item(cost.current(), "recruiting").amount() + item(cost.current(), "training").amount())
			.isEqualTo(5_000);
		assertThat(item(cost.current(), "tools_and_monitoring").amount()).isEqualTo(10_000);
		assertThat(cost.current().total()).isEqualTo(175_000);
		// The provider's prices depend on the head count, which the size band only
		// estimates.
		assertThat(item(cost.coManaged(), "service_agreement").estimated()).isTrue();
	}

	@Test
	void onlyTheMissingFiguresAreEstimated() {
		CostInputs inputs = new CostInputs(null, null, 10_000.0, null);
		CostComparison cost = CostCalculator.compare(answers("11-50", "it_person", "basic"), inputs, SEEDED, 1);
		assertThat(item(cost.current(), "tools_and_monitoring").estimated()).isFalse();
		assertThat(item(cost.current(), "salaries").estimated()).isTrue();
		assertThat(item(cost.current(), "recruiting").estimated()).isTrue();
	}

	@Test
	void totalsAreTheSumOfTheirItems() {
		CostComparison cost = CostCalculator.compare(answers("201-1000", "it_department", "complex"),
				new CostInputs(6.0, 100_000.0, null, null), SEEDED, 1);
		for (Setup setup : List.of(cost.current(), cost.coManaged(), cost.fullyManaged())) {
			assertThat(setup.total()).isEqualTo(setup.items().stream().mapToLong(Item::amount).sum());
		}
		assertThat(item(cost.fullyManaged(), "security_add_ons").amount())
			.isEqualTo(Math.round(450 * SEEDED.securityAddOnPerUserMonth() * 12));
	}

	@Test
	void everyPriceComesFromTheAssumptions() {
		Answers answers = answers("51-200", "it_person", "growing");
		PriceAssumptions doubled = new PriceAssumptions(SEEDED.currency(), SEEDED.employeesPerBand(),
				SEEDED.itStaffByInternalIt(), SEEDED.loadedSalary() * 2, SEEDED.benefitsShare(),
				SEEDED.toolsPerUser() * 2, SEEDED.recruitingTrainingPerItStaff() * 2, SEEDED.recruitingShare(),
				doubled(SEEDED.coManaged()), doubled(SEEDED.fullyManaged()), SEEDED.securityAddOnPerUserMonth() * 2,
				SEEDED.securityAddOnWhen());
		CostComparison base = CostCalculator.compare(answers, CostInputs.NONE, SEEDED, 1);
		CostComparison twice = CostCalculator.compare(answers, CostInputs.NONE, doubled, 2);
		for (String setup : List.of("current", "co_managed", "fully_managed")) {
			long once = total(base, setup);
			assertThat(total(twice, setup)).as(setup).isBetween(2 * once - 10, 2 * once + 10);
		}
	}

	private static PriceAssumptions.Plan doubled(PriceAssumptions.Plan plan) {
		return new PriceAssumptions.Plan(plan.perUserMonth() * 2, plan.projectsPerUser() * 2, plan.staffKept(),
				plan.toolsKept(), plan.recruitingKept());
	}

	private static long total(CostComparison cost, String setup) {
		return switch (setup) {
			case "current" -> cost.current().total();
			case "co_managed" -> cost.coManaged().total();
			default -> cost.fullyManaged().total();
		};
	}

}
