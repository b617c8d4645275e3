package com.northbeam.gateway.dashboard.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.northbeam.gateway.client.AssessmentAdminClient.Plan;
import com.northbeam.gateway.client.AssessmentAdminClient.PriceAssumptions;
import com.northbeam.gateway.client.AssessmentAdminClient.PriceAssumptionsVersion;

import org.springframework.util.MultiValueMap;

/**
 * The price assumptions as the edit form shows and posts them: one text field per figure,
 * named by its path in the service's document ({@code employeesPerBand.1-10},
 * {@code coManaged.perUserMonth}). Parsing checks each figure and collects message keys
 * per field; nothing is sent while any is wrong.
 */
public final class PriceForm {

	static final String EMPLOYEES = "employeesPerBand.";

	static final String INTERNAL_IT = "itStaffByInternalIt.";

	static final List<String> PLAN_FIELDS = List.of("perUserMonth", "projectsPerUser", "staffKept", "toolsKept",
			"recruitingKept");

	/**
	 * No figure of a price list comes near this; larger ones are typing mistakes (or not
	 * finite as a double).
	 */
	private static final BigDecimal LARGEST = BigDecimal.valueOf(1_000_000_000_000L);

	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	private static final Pattern CODE = Pattern.compile("[a-z0-9_+\\-]{1,40}");

	private final int basedOnVersion;

	private final List<Field> fields;

	private final Map<String, String> errorKeys = new LinkedHashMap<>();

	private PriceForm(int basedOnVersion, List<Field> fields) {
		this.basedOnVersion = basedOnVersion;
		this.fields = List.copyOf(fields);
	}

	/**
	 * The form filled with a stored version; bands and staffing levels in ascending
	 * order.
	 */
	static PriceForm of(PriceAssumptionsVersion stored) {
		PriceAssumptions a = stored.assumptions();
		List<Field> fields = new ArrayList<>();
		fields.add(new Field("currency", Kind.CURRENCY, a.currency()));
		a.employeesPerBand()
			.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.forEach(
					(band) -> fields.add(new Field(EMPLOYEES + band.getKey(), Kind.WHOLE, band.getValue().toString())));
		a.itStaffByInternalIt()
			.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.forEach((level) -> fields
				.add(new Field(INTERNAL_IT + level.getKey(), Kind.DECIMAL, number(level.getValue()))));
		fields.add(new Field("loadedSalary", Kind.AMOUNT, number(a.loadedSalary())));
		fields.add(new Field("benefitsShare", Kind.SHARE, number(a.benefitsShare())));
		fields.add(new Field("toolsPerUser", Kind.AMOUNT, number(a.toolsPerUser())));
		fields.add(new Field("recruitingTrainingPerItStaff", Kind.AMOUNT, number(a.recruitingTrainingPerItStaff())));
		fields.add(new Field("recruitingShare", Kind.SHARE, number(a.recruitingShare())));
		addPlan(fields, "coManaged", a.coManaged());
		addPlan(fields, "fullyManaged", a.fullyManaged());
		fields.add(new Field("securityAddOnPerUserMonth", Kind.AMOUNT, number(a.securityAddOnPerUserMonth())));
		fields.add(new Field("securityAddOnWhen", Kind.CODES, String.join(", ", a.securityAddOnWhen())));
		return new PriceForm(stored.version(), fields);
	}

	/**
	 * The form as posted; the bands and staffing levels are those the form was drawn
	 * with.
	 */
	static PriceForm from(MultiValueMap<String, String> params) {
		List<Field> fields = new ArrayList<>();
		fields.add(new Field("currency", Kind.CURRENCY, first(params, "currency").toUpperCase(Locale.ROOT)));
		params.keySet()
			.stream()
			.filter((name) -> name.startsWith(EMPLOYEES))
			.forEach((name) -> fields.add(new Field(name, Kind.WHOLE, first(params, name))));
		params.keySet()
			.stream()
			.filter((name) -> name.startsWith(INTERNAL_IT))
			.forEach((name) -> fields.add(new Field(name, Kind.DECIMAL, first(params, name))));
		for (String name : List.of("loadedSalary", "benefitsShare", "toolsPerUser", "recruitingTrainingPerItStaff",
				"recruitingShare")) {
			fields.add(new Field(name, name.endsWith("Share") ? Kind.SHARE : Kind.AMOUNT, first(params, name)));
		}
		for (String plan : List.of("coManaged", "fullyManaged")) {
			for (String field : PLAN_FIELDS) {
				String name = plan + "." + field;
				fields.add(new Field(name, field.endsWith("Kept") ? Kind.SHARE : Kind.AMOUNT, first(params, name)));
			}
		}
		fields.add(new Field("securityAddOnPerUserMonth", Kind.AMOUNT, first(params, "securityAddOnPerUserMonth")));
		fields.add(new Field("securityAddOnWhen", Kind.CODES, first(params, "securityAddOnWhen")));
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
	PriceForm basedOn(int version) {
		return new PriceForm(version, fields);
	}

	public List<Field> fields() {
		return fields;
	}

	public boolean has(String name) {
		return fields.stream().anyMatch((field) -> field.name().equals(name));
	}

	/** Message keys of the figures that cannot be accepted, by field name. */
	Map<String, String> errorKeys() {
		return Map.copyOf(errorKeys);
	}

	/** The assumptions to send; only when {@link #errorKeys()} is empty. */
	PriceAssumptions toAssumptions() {
		if (!errorKeys.isEmpty()) {
			throw new IllegalStateException("The form has errors: " + errorKeys);
		}
		Map<String, Integer> employees = new LinkedHashMap<>();
		Map<String, Double> internalIt = new LinkedHashMap<>();
		for (Field field : fields) {
			if (field.name().startsWith(EMPLOYEES)) {
				employees.put(field.name().substring(EMPLOYEES.length()), Integer.valueOf(field.value().trim()));
			}
			else if (field.name().startsWith(INTERNAL_IT)) {
				internalIt.put(field.name().substring(INTERNAL_IT.length()), decimal(field.name()));
			}
		}
		return new PriceAssumptions(value("currency"), employees, internalIt, decimal("loadedSalary"),
				decimal("benefitsShare"), decimal("toolsPerUser"), decimal("recruitingTrainingPerItStaff"),
				decimal("recruitingShare"), plan("coManaged"), plan("fullyManaged"),
				decimal("securityAddOnPerUserMonth"), codes(value("securityAddOnWhen")));
	}

	private void check() {
		for (Field field : fields) {
			String value = field.value().trim();
			String error = switch (field.kind()) {
				case CURRENCY -> CURRENCY.matcher(value).matches() ? null : "admin.prices.error.currency";
				case WHOLE -> wholeOrNull(value) != null ? null : "admin.prices.error.whole";
				case DECIMAL, AMOUNT -> {
					BigDecimal number = decimalOrNull(value);
					yield (number != null && number.signum() >= 0) ? null : "admin.prices.error.amount";
				}
				case SHARE -> {
					BigDecimal number = decimalOrNull(value);
					yield (number != null && number.signum() >= 0 && number.compareTo(BigDecimal.ONE) <= 0) ? null
							: "admin.prices.error.share";
				}
				case CODES -> codes(value).stream().allMatch((code) -> CODE.matcher(code).matches()) ? null
						: "admin.prices.error.codes";
			};
			if (error != null) {
				errorKeys.put(field.name(), error);
			}
		}
		if (fields.stream().noneMatch((field) -> field.name().startsWith(EMPLOYEES))) {
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

	private static List<String> codes(String text) {
		return Arrays.stream(text.split(",")).map(String::trim).filter((code) -> !code.isEmpty()).toList();
	}

	private static Integer wholeOrNull(String text) {
		try {
			int number = Integer.parseInt(text);
			return (number >= 0) ? number : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static BigDecimal decimalOrNull(String text) {
		if (text.length() > 20) {
			return null;
		}
		try {
			BigDecimal number = new BigDecimal(text);
			return (number.abs().compareTo(LARGEST) <= 0) ? number : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static void addPlan(List<Field> fields, String name, Plan plan) {
		if (plan == null) {
			plan = new Plan(0, 0, 0, 0, 0);
		}
		double[] values = { plan.perUserMonth(), plan.projectsPerUser(), plan.staffKept(), plan.toolsKept(),
				plan.recruitingKept() };
		for (int i = 0; i < PLAN_FIELDS.size(); i++) {
			String field = PLAN_FIELDS.get(i);
			fields.add(new Field(name + "." + field, field.endsWith("Kept") ? Kind.SHARE : Kind.AMOUNT,
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

	/** How a figure is checked. */
	public enum Kind {

		CURRENCY, WHOLE, DECIMAL, AMOUNT, SHARE, CODES

	}

	/**
	 * One input of the form.
	 *
	 * @param name the field's path, also the input's name
	 * @param kind how it is checked
	 * @param value the text shown or posted
	 */
	public record Field(String name, Kind kind, String value) {

		/**
		 * The message key of the field's label; bands and staffing levels add their code
		 * as argument.
		 */
		public String labelKey() {
			if (name.startsWith(EMPLOYEES)) {
				return "admin.prices.field.employeesPerBand";
			}
			if (name.startsWith(INTERNAL_IT)) {
				return "admin.prices.field.itStaffByInternalIt";
			}
			return "admin.prices.field." + name;
		}

		public String code() {
			int dot = name.indexOf('.');
			return (dot >= 0) ? name.substring(dot + 1) : name;
		}

		public String id() {
			return "price-" + name.replaceAll("[^A-Za-z0-9]", "-");
		}

		public String inputMode() {
			return (kind == Kind.WHOLE) ? "numeric"
					: (kind == Kind.CURRENCY || kind == Kind.CODES) ? "text" : "decimal";
		}

	}

}
