package com.northbeam.gateway.dashboard.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import com.northbeam.gateway.client.AssessmentAdminClient.PriceAssumptions;
import com.northbeam.gateway.client.AssessmentAdminClient.PriceAssumptionsVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PriceFormTests {

	@Test
	void aValidFormBecomesTheAssumptionsToSend() {
		PriceForm form = PriceForm.from(params(PriceAssumptionsPagesTests.valid()));

		assertThat(form.errorKeys()).isEmpty();
		assertThat(form.basedOnVersion()).isEqualTo(4);
		PriceAssumptions assumptions = form.toAssumptions();
		assertThat(assumptions.currency()).isEqualTo("USD");
		assertThat(assumptions.employeesPerBand()).hasSize(5).containsEntry("201-1000", 450);
		assertThat(assumptions.itStaffByInternalIt()).containsEntry("it_team", 3.0);
		assertThat(assumptions.fullyManaged().staffKept()).isEqualTo(0.1);
		assertThat(assumptions.securityAddOnWhen()).containsExactly("growing", "complex");
	}

	@Test
	void eachWrongFigureIsNamedAndTheFormCannotBeSent() {
		PriceForm form = PriceForm.from(params(PriceAssumptionsPagesTests.valid()
			.with("currency", "us")
			.with("employeesPerBand.1-10", "8.5")
			.with("itStaffByInternalIt.none", "-1")
			.with("recruitingShare", "60%")
			.with("fullyManaged.toolsKept", "1.01")
			.with("loadedSalary", "1e400000")
			.with("securityAddOnWhen", "growing, <b>")));

		assertThat(form.errorKeys()).containsOnlyKeys("currency", "employeesPerBand.1-10", "itStaffByInternalIt.none",
				"recruitingShare", "fullyManaged.toolsKept", "loadedSalary", "securityAddOnWhen");
		assertThat(form.errorKeys().get("fullyManaged.toolsKept")).isEqualTo("admin.prices.error.share");
		assertThatIllegalStateException().isThrownBy(form::toAssumptions);
	}

	@Test
	void aPostWithoutTheBandsIsRefused() {
		MultiValueMap<String, String> params = params(PriceAssumptionsPagesTests.valid());
		params.keySet().removeIf((name) -> name.startsWith("employeesPerBand."));

		assertThat(PriceForm.from(params).errorKeys()).containsEntry("", "admin.prices.error.bands");
	}

	@Test
	void figuresAreShownWithoutPointlessDecimals() {
		assertThat(PriceForm.number(95000.0)).isEqualTo("95000");
		assertThat(PriceForm.number(0.25)).isEqualTo("0.25");
		assertThat(PriceForm.number(0.0)).isEqualTo("0");
	}

	@Test
	void theFormShowsAStoredVersionInOrderWithALabelForEveryFigure() throws IOException {
		PriceAssumptionsVersion stored = JsonMapper.builder()
			.build()
			.readValue(AdminFakes.PRICES, PriceAssumptionsVersion.class);
		Properties bundle = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages/dashboard-admin.properties")) {
			bundle.load(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
		}

		PriceForm form = PriceForm.of(stored);

		assertThat(form.fields()).extracting(PriceField::name)
			.startsWith("currency", "employeesPerBand.1-10", "employeesPerBand.11-50", "employeesPerBand.51-200",
					"employeesPerBand.201-1000", "employeesPerBand.1000+", "itStaffByInternalIt.none",
					"itStaffByInternalIt.tech_savvy_staff")
			.endsWith("securityAddOnPerUserMonth", "securityAddOnWhen")
			.hasSize(28);
		assertThat(form.fields()).allSatisfy((field) -> assertThat(bundle).containsKey(field.labelKey()));
		assertThat(PriceForm.from(params(PriceAssumptionsPagesTests.valid())).toAssumptions())
			.isEqualTo(stored.assumptions());
	}

	private static MultiValueMap<String, String> params(AdminForm form) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		form.values().forEach((pair) -> params.add(pair.get(0), pair.get(1)));
		return params;
	}

}
