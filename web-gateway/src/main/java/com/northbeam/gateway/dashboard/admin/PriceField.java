package com.northbeam.gateway.dashboard.admin;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One input of the {@link PriceForm}: a figure of the price assumptions, how it is
 * checked and how the form shows it.
 *
 * @param name the field's path in the service's document, also the input's name
 * @param kind how it is checked
 * @param value the text shown or posted
 */
public record PriceField(String name, Kind kind, String value) {

	static final String EMPLOYEES = "employeesPerBand.";

	static final String INTERNAL_IT = "itStaffByInternalIt.";

	/**
	 * No figure of a price list comes near this; larger ones are typing mistakes (or not
	 * finite as a double).
	 */
	private static final BigDecimal LARGEST = BigDecimal.valueOf(1_000_000_000_000L);

	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	private static final Pattern CODE = Pattern.compile("[a-z0-9_+\\-]{1,40}");

	/**
	 * The message key of the field's label; bands and staffing levels add their code as
	 * argument.
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
		return (kind == Kind.WHOLE) ? "numeric" : (kind == Kind.CURRENCY || kind == Kind.CODES) ? "text" : "decimal";
	}

	/** The message key saying why the value cannot be accepted, or {@code null}. */
	String errorKey() {
		String text = value.trim();
		return switch (kind) {
			case CURRENCY -> CURRENCY.matcher(text).matches() ? null : "admin.prices.error.currency";
			case WHOLE -> wholeOrNull(text) != null ? null : "admin.prices.error.whole";
			case DECIMAL, AMOUNT -> {
				BigDecimal number = decimalOrNull(text);
				yield (number != null && number.signum() >= 0) ? null : "admin.prices.error.amount";
			}
			case SHARE -> {
				BigDecimal number = decimalOrNull(text);
				yield (number != null && number.signum() >= 0 && number.compareTo(BigDecimal.ONE) <= 0) ? null
						: "admin.prices.error.share";
			}
			case CODES -> codes(text).stream().allMatch((code) -> CODE.matcher(code).matches()) ? null
					: "admin.prices.error.codes";
		};
	}

	/** A comma-separated list of codes. */
	static List<String> codes(String text) {
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

	/** How a figure is checked. */
	public enum Kind {

		CURRENCY, WHOLE, DECIMAL, AMOUNT, SHARE, CODES

	}

}
