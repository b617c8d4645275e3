package com.northbeam.assessment.cost;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.northbeam.assessment.questionnaire.Answers;
import com.northbeam.assessment.questionnaire.Questionnaire;
import com.northbeam.assessment.questionnaire.Questionnaire.Question;
import com.northbeam.assessment.questionnaire.Questionnaires;
import com.northbeam.assessment.system.AssessmentProperties;
import com.northbeam.assessment.system.ConflictException;
import com.northbeam.assessment.system.FieldError;
import com.northbeam.assessment.system.InvalidInputException;
import tools.jackson.databind.ObjectMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The cost comparison and the price assumptions behind it; the cost feature's face to the
 * rest of the service.
 * <p>
 * The newest assumptions are kept in memory and reread after
 * {@code assessment.cost.assumptions-refresh}, so with several replicas a change reaches
 * all of them within that time; each result records the version it used either way.
 */
@Component
public class Costs {

	private final PriceAssumptionsRepository repository;

	private final Questionnaires questionnaires;

	private final ObjectMapper json;

	private final Clock clock;

	private final long refreshMillis;

	private final AtomicReference<Cached> cached = new AtomicReference<>();

	Costs(PriceAssumptionsRepository repository, Questionnaires questionnaires, ObjectMapper json, Clock clock,
			AssessmentProperties properties) {
		this.repository = repository;
		this.questionnaires = questionnaires;
		this.json = json;
		this.clock = clock;
		this.refreshMillis = properties.cost().assumptionsRefresh().toMillis();
	}

	/** Compares costs with the newest price assumptions. */
	public CostComparison compare(Answers answers, CostInputs inputs) {
		VersionedAssumptions prices = newest();
		return CostCalculator.compare(answers, (inputs != null) ? inputs : CostInputs.NONE, prices.assumptions(),
				prices.version());
	}

	public VersionedAssumptions newest() {
		long now = this.clock.millis();
		Cached current = this.cached.get();
		if (current == null || now - current.readAt() >= this.refreshMillis) {
			VersionedAssumptions read = this.repository.newest()
				.orElseThrow(() -> new IllegalStateException("No price assumptions are stored"));
			current = new Cached(read, now);
			this.cached.set(current);
		}
		return current.assumptions();
	}

	/** The newest stored version, read from the database now. */
	public VersionedAssumptions stored() {
		return this.repository.newest().orElseThrow(() -> new IllegalStateException("No price assumptions are stored"));
	}

	public List<VersionedAssumptions> history(int limit) {
		return this.repository.history(limit);
	}

	/**
	 * Saves a new version of the price assumptions, based on {@code basedOnVersion} when
	 * given: if someone saved a newer version meanwhile, the change is refused with a
	 * conflict.
	 */
	public VersionedAssumptions update(PriceAssumptions assumptions, Integer basedOnVersion, String actor) {
		List<FieldError> errors = check(assumptions, this.questionnaires.current());
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		int newest = this.repository.newest().map(VersionedAssumptions::version).orElse(0);
		if (basedOnVersion != null && basedOnVersion != newest) {
			throw conflict(newest);
		}
		Instant now = this.clock.instant();
		try {
			this.repository.insert(newest + 1, this.json.writeValueAsString(assumptions), now, actor);
		}
		catch (DuplicateKeyException ex) {
			throw conflict(newest + 1);
		}
		this.cached.set(null);
		return new VersionedAssumptions(newest + 1, now, actor, assumptions);
	}

	private static ConflictException conflict(int newest) {
		return new ConflictException("The price assumptions were changed meanwhile; the newest version is " + newest,
				List.of(new FieldError("basedOnVersion", "is not the newest version (" + newest + ")")));
	}

	static List<FieldError> check(PriceAssumptions assumptions, Questionnaire questionnaire) {
		List<FieldError> errors = new ArrayList<>();
		Question employees = questionnaire.question("employees").orElseThrow();
		Question internalIt = questionnaire.question("internal_it").orElseThrow();
		Question security = questionnaire.question("security_complexity").orElseThrow();
		employees.options()
			.stream()
			.filter((option) -> !assumptions.employeesPerBand().containsKey(option.code()))
			.forEach((option) -> errors.add(new FieldError("employeesPerBand." + option.code(), "is required")));
		assumptions.employeesPerBand()
			.keySet()
			.stream()
			.filter((code) -> !employees.hasOption(code))
			.forEach((code) -> errors.add(new FieldError("employeesPerBand." + code, "is not a size band")));
		internalIt.options()
			.stream()
			.filter((option) -> !assumptions.itStaffByInternalIt().containsKey(option.code()))
			.forEach((option) -> errors.add(new FieldError("itStaffByInternalIt." + option.code(), "is required")));
		assumptions.itStaffByInternalIt()
			.keySet()
			.stream()
			.filter((code) -> !internalIt.hasOption(code))
			.forEach((code) -> errors
				.add(new FieldError("itStaffByInternalIt." + code, "is not an answer to internal_it")));
		assumptions.securityAddOnWhen()
			.stream()
			.filter((code) -> !security.hasOption(code))
			.forEach((code) -> errors
				.add(new FieldError("securityAddOnWhen", "'" + code + "' is not an answer to security_complexity")));
		return errors;
	}

	private record Cached(VersionedAssumptions assumptions, long readAt) {
	}

}
