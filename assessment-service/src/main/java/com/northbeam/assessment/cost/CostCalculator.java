package com.northbeam.assessment.cost;

import java.util.ArrayList;
import java.util.List;

import com.northbeam.assessment.cost.CostComparison.Item;
import com.northbeam.assessment.cost.CostComparison.Setup;
import com.northbeam.assessment.cost.PriceAssumptions.Plan;
import com.northbeam.assessment.questionnaire.Answers;

/**
 * Works out the cost comparison from answers, the prospect's optional figures and one
 * version of the price assumptions. Pure: every price comes from the assumptions, none
 * from code.
 */
final class CostCalculator {

	private CostCalculator() {
	}

	static CostComparison compare(Answers answers, CostInputs inputs, PriceAssumptions prices, int assumptionsVersion) {
		int users = prices.employeesPerBand().getOrDefault(answers.code("employees"), 0);
		boolean staffEstimated = inputs.internalItStaff() == null;
		double staff = staffEstimated ? prices.itStaffByInternalIt().getOrDefault(answers.code("internal_it"), 0.0)
				: inputs.internalItStaff();
		boolean salaryEstimated = inputs.averageLoadedSalary() == null;
		double salary = salaryEstimated ? prices.loadedSalary() : inputs.averageLoadedSalary();
		boolean peopleEstimated = staffEstimated || (salaryEstimated && staff > 0);
		double people = staff * salary;
		boolean toolsEstimated = inputs.toolsSpend() == null;
		double tools = toolsEstimated ? users * prices.toolsPerUser() : inputs.toolsSpend();
		boolean recruitingEstimated = inputs.recruitingTrainingSpend() == null;
		double recruitingTraining = recruitingEstimated ? staff * prices.recruitingTrainingPerItStaff()
				: inputs.recruitingTrainingSpend();
		Today today = new Today(people * (1 - prices.benefitsShare()), people * prices.benefitsShare(), peopleEstimated,
				recruitingTraining * prices.recruitingShare(), recruitingTraining * (1 - prices.recruitingShare()),
				recruitingEstimated, tools, toolsEstimated);
		boolean security = prices.securityAddOnWhen().contains(answers.code("security_complexity"));
		Setup current = setup("Your current setup", today.items(1, 1, 1));
		Setup coManaged = plan("Co-managed IT", today, prices.coManaged(), users, security, prices);
		Setup fullyManaged = plan("Fully managed IT", today, prices.fullyManaged(), users, security, prices);
		boolean estimated = List.of(current, coManaged, fullyManaged)
			.stream()
			.flatMap((setup) -> setup.items().stream())
			.anyMatch(Item::estimated);
		return new CostComparison(assumptionsVersion, prices.currency(), users, staff, estimated, current, coManaged,
				fullyManaged);
	}

	private static Setup plan(String label, Today today, Plan plan, int users, boolean security,
			PriceAssumptions prices) {
		List<Item> items = today.items(plan.staffKept(), plan.recruitingKept(), plan.toolsKept());
		// Users come from the size band, so per-user prices are always estimates.
		items.add(
				new Item("service_agreement", "Service agreement", Math.round(users * plan.perUserMonth() * 12), true));
		items.add(new Item("projects", "Specialised projects", Math.round(users * plan.projectsPerUser()), true));
		if (security) {
			items.add(new Item("security_add_ons", "Security add-ons",
					Math.round(users * prices.securityAddOnPerUserMonth() * 12), true));
		}
		return setup(label, items);
	}

	private static Setup setup(String label, List<Item> items) {
		return new Setup(label, items.stream().mapToLong(Item::amount).sum(), items);
	}

	private record Today(double salaries, double benefits, boolean peopleEstimated, double recruiting, double training,
			boolean recruitingEstimated, double tools, boolean toolsEstimated) {

		List<Item> items(double staffKept, double recruitingKept, double toolsKept) {
			List<Item> items = new ArrayList<>();
			items.add(new Item("salaries", "Internal IT salaries", Math.round(this.salaries * staffKept),
					this.peopleEstimated));
			items.add(new Item("benefits", "Benefits and employment costs", Math.round(this.benefits * staffKept),
					this.peopleEstimated));
			items.add(new Item("recruiting", "Recruiting", Math.round(this.recruiting * recruitingKept),
					this.recruitingEstimated));
			items.add(new Item("training", "Training", Math.round(this.training * recruitingKept),
					this.recruitingEstimated));
			items.add(new Item("tools_and_monitoring", "Tools and monitoring platforms",
					Math.round(this.tools * toolsKept), this.toolsEstimated));
			return items;
		}

	}

}
