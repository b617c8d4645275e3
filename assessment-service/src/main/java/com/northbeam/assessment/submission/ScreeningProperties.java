package com.northbeam.assessment.submission;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How submissions that look automated are noticed and kept, under
 * {@code assessment.screening.*} (environment:
 * {@code ASSESSMENT_SCREENING_REPEAT_WINDOW=PT1H}, ...).
 *
 * @param disposableDomains where the lists of throwaway email domains are read from
 * @param repeatWindow the same answers and contact details again within this period look
 * automated
 * @param quarantineRetention how long a quarantined submission waits for staff before its
 * contact details are discarded
 * @param retentionCheck how often the quarantine retention job runs
 * @param listLimit the most quarantined submissions one list shows
 */
@Validated
@ConfigurationProperties("assessment.screening")
record ScreeningProperties(
		@NotEmpty @DefaultValue("classpath*:screening/disposable-email-domains.txt") List<String> disposableDomains,
		@NotNull @DefaultValue("PT24H") Duration repeatWindow,
		@NotNull @DefaultValue("P30D") Duration quarantineRetention,
		@NotNull @DefaultValue("PT1H") Duration retentionCheck, @Min(1) @Max(1000) @DefaultValue("200") int listLimit) {
}
