package com.northbeam.gateway.dashboard.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.northbeam.gateway.client.AssessmentAdminClient.Plan;
import com.northbeam.gateway.client.AssessmentAdminClient.PriceAssumptions;
import com.northbeam.gateway.client.AssessmentAdminClient.PriceAssumptionsVersion;
import com.northbeam.gateway.dashboard.admin.PriceField.Kind;

import org.springframework.util.MultiValueMap;

/**
 * The price assumptions as the edit form shows and posts them: one text field per figure,
 * named by its path in the service's document ({@code employeesPerBand.1-10},
 * {@code coManaged.perUserMonth}). Parsing checks each figure and collects message keys
 * per field; nothing is sent while any is wrong.
 */
public final class PriceForm implements VersionedSettingPage.Form<PriceForm> {

	static final List<String> PLAN_FIELDS = List.of("perUserMonth", "projectsPerUser", "staffKept", "toolsKept",
			"recruitingKept");

	private final int basedOnVersion;

	private final List<PriceField> fields;

	private final Map<String, String> errorKeys = new LinkedHashMap<>();

	private PriceForm(int basedOnVersion, List<PriceField> fields) {
		this.basedOnVersion = basedOnVersion;
		this.fields = List.copyOf(fields);
	}

	/**
	 * The form filled with a stored version; bands and staffing levels in ascending
	 * order.
	 */
	static PriceForm of(PriceAssumptionsVersion stored) {
		PriceAssumptions a = stored.assumptions();
		List<PriceField> fields = new ArrayList<>();
		fields.add(new PriceField("currency", Kind.CURRENCY, a.currency()));
		a.employeesPerBand()
			.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.forEach((band) -> fields
				.add(new PriceField(PriceField.EMPLOYEES + band.getKey(), Kind.WHOLE, band.getValue().toString())));
		a.itStaffByInternalIt()
			.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.forEach((level) -> fields
				.add(new PriceField(PriceField.INTERNAL_IT + level.getKey(), Kind.DECIMAL, number(level.getValue()))));
		fields.add(new PriceField("loadedSalary", Kind.AMOUNT, number(a.loadedSalary())));
		fields.add(new PriceField("benefitsShare", Kind.SHARE, number(a.benefitsShare())));
		fields.add(new PriceField("toolsPerUser", Kind.AMOUNT, number(a.toolsPerUser())));
		fields
			.add(new PriceField("recruitingTrainingPerItStaff", Kind.AMOUNT, number(a.recruitingTrainingPerItStaff())));
		fields.add(new PriceField("recruitingShare", Kind.SHARE, number(a.recruitingShare())));
		addPlan(fields, "coManaged", a.coManaged());
		addPlan(fields, "fullyManaged", a.fullyManaged());
		fields.add(new PriceField("securityAddOnPerUserMonth", Kind.AMOUNT, number(a.securityAddOnPerUserMonth())));
		fields.add(new PriceField("securityAddOnWhen", Kind.CODES, String.join(", ", a.securityAddOnWhen())));
		return new PriceForm(stored.version(), fields);
	}

	/**
	 * The form as posted; the bands and staffing levels are those the form was drawn
	 * with.
	 */
	static PriceForm from(MultiValueMap<String, String> params) {
		List<PriceField> fields = new ArrayList<>();
		fields.add(new PriceField("currency", Kind.CURRENCY, first(params, "currency").toUpperCase(Locale.ROOT)));
		params.keySet()
			.stream()
			.filter((name) -> name.startsWith(PriceField.EMPLOYEES))
			.forEach((name) -> fields.add(new PriceField(name, Kind.WHOLE, first(params, name))));
		params.keySet()
			.stream()
			.filter((name) -> name.startsWith(PriceField.INTERNAL_IT))
			.forEach((name) -> fields.add(new PriceField(name, Kind.DECIMAL, first(params, name))));
		for (String name : List.of("loadedSalary", "benefitsShare", "toolsPerUser", "recruitingTrainingPerItStaff",
				"recruitingShare")) {
			fields.add(new PriceField(name, name.endsWith("Share") ? Kind.SHARE : Kind.AMOUNT, first(params, name)));
		}
		for (String plan : List.of("coManaged", "fullyManaged")) {
			for (String field : PLAN_FIELDS) {
				String name = plan + "." + field;
				fields
					.add(new PriceField(name, field.endsWith("Kept") ? Kind.SHARE : Kind.AMOUNT, first(params, name)));
			}
		}
		fields
			.add(new PriceField("securityAddOnPerUserMonth", Kind.AMOUNT, first(params, "securityAddOnPerUserMonth")));
		fields.add(new PriceField("securityAddOnWhen", Kind.CODES, first(params, "securityAddOnWhen")));
		int version;
		try {
			version = Integer.parseInt(first(params, "basedOnVersion").trim());
		}
		catch (NumberFormatException ex) {
			version = 0;
		}
		PriceForm form = new PriceForm(version, fields);
		form.check();
		return form;
	}

	public int basedOnVersion() {
		return basedOnVersion;
	}

	/** The same input, now based on {@code version} (after someone else saved first). */
	@Override
	public PriceForm basedOn(int version) {
		return new PriceForm(version, fields);
	}

	public List<PriceField> fields() {
		return fields;
	}

	@Override
	public boolean has(String name) {
		return fields.stream().anyMatch((field) -> field.name().equals(name));
	}

	/** Message keys of the figures that cannot be accepted, by field name. */
	@Override
	public Map<String, String> errorKeys() {
		return Map.copyOf(errorKeys);
	}

	/** The assumptions to send; only when {@link #errorKeys()} is empty. */
	PriceAssumptions toAssumptions() {
		if (!errorKeys.isEmpty()) {
			throw new IllegalStateException("The form has errors: " + errorKeys);
		}
		Map<String, Integer> employees = new LinkedHashMap<>();
		Map<String, Double> internalIt = new LinkedHashMap<>();
		for (PriceField field : fields) {
			if (field.name().startsWith(PriceField.EMPLOYEES)) {
				employees.put(field.name().substring(PriceField.EMPLOYEES.length()),
						Integer.valueOf(field.value().trim()));
			}
			else if (field.name().startsWith(PriceField.INTERNAL_IT)) {
				internalIt.put(field.name().substring(PriceField.INTERNAL_IT.length()), decimal(field.name()));
			}
		}
		return new PriceAssumptions(value("currency"), employees, internalIt, decimal("loadedSalary"),
				decimal("benefitsShare"), decimal("toolsPerUser"), decimal("recruitingTrainingPerItStaff"),
				decimal("recruitingShare"), plan("coManaged"), plan("fullyManaged"),
				decimal("securityAddOnPerUserMonth"), PriceField.codes(value("securityAddOnWhen")));
	}

	private void check() {
		for (PriceField field : fields) {
			String error = field.errorKey();
			if (error != null) {
				errorKeys.put(field.name(), error);
			}
		}
		if (fields.stream().noneMatch((field) -> field.name().startsWith(PriceField.EMPLOYEES))) {
			errorKeys.put("", "admin.prices.error.bands");
		}
	}

	private Plan plan(String plan) {
		return new Plan(decimal(plan + ".perUserMonth"), decimal(plan + ".projectsPerUser"),
				decimal(plan + ".staffKept"), decimal(plan + ".toolsKept"), decimal(plan + ".recruitingKept"));
	}

	private String value(String name) {
		return fields.stream()
			.filter((field) -> field.name().equals(name))
			.map((field) -> field.value().trim())
			.findFirst()
			.orElse("");
	}

	private double decimal(String name) {
		return new BigDecimal(value(name)).doubleValue();
	}

	private static void addPlan(List<PriceField> fields, String name, Plan plan) {
		if (plan == null) {
			plan = new Plan(0, 0, 0, 0, 0);
		}
		double[] values = { plan.perUserMonth(), plan.projectsPerUser(), plan.staffKept(), plan.toolsKept(),
				plan.recruitingKept() };
		for (int i = 0; i < PLAN_FIELDS.size(); i++) {
			String field = PLAN_FIELDS.get(i);
			fields.add(new PriceField(name + "." + field, field.endsWith("Kept") ? Kind.SHARE : Kind.AMOUNT,
					number(values[i])));
		}
	}

	/** A figure without a pointless ".0" (95000, not 95000.0). */
	static String number(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	private static String first(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return (value != null) ? value : "";
	}

}
