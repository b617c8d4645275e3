package com.northbeam.assessment.system;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of assessment-service under {@code assessment.*}; each can be overridden by an
 * environment variable (for example {@code ASSESSMENT_COST_ASSUMPTIONS_REFRESH=30s}).
 *
 * @param questionnaire where the published questionnaire versions are read from
 * @param scoring where the published scoring rules versions are read from
 * @param cost how long a replica may reuse the price assumptions before rereading them
 * @param rescore how many submissions one rescoring batch handles
 * @param security how many verified gateway tokens are remembered until they expire (0:
 * none)
 * @param maxBodySize the largest request body accepted
 */
@Validated
@ConfigurationProperties("assessment")
public record AssessmentProperties(@Valid @NotNull Questionnaire questionnaire, @Valid @NotNull Scoring scoring,
		@Valid @NotNull Cost cost, @Valid @NotNull Rescore rescore, @Valid @NotNull Security security,
		@NotNull DataSize maxBodySize) {

	public AssessmentProperties(@DefaultValue Questionnaire questionnaire, @DefaultValue Scoring scoring,
			@DefaultValue Cost cost, @DefaultValue Rescore rescore, @DefaultValue Security security,
			@DefaultValue("64KB") DataSize maxBodySize) {
		this.questionnaire = questionnaire;
		this.scoring = scoring;
		this.cost = cost;
		this.rescore = rescore;
		this.security = security;
		this.maxBodySize = maxBodySize;
	}

	public record Questionnaire(@NotEmpty @DefaultValue("classpath*:questionnaire/v*.json") List<String> locations) {
	}

	public record Scoring(@NotEmpty @DefaultValue("classpath*:scoring/rules-v*.json") List<String> locations) {
	}

	public record Cost(@NotNull @DefaultValue("5s") Duration assumptionsRefresh) {
	}

	public record Security(@Min(0) @Max(1_000_000) @DefaultValue("1000") int verifiedTokenCache) {
	}

	public record Rescore(@Min(1) @Max(10000) @DefaultValue("200") int batchSize) {
	}

}
