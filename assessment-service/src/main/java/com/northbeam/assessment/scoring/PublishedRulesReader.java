package com.northbeam.assessment.scoring;

import java.util.List;

import com.northbeam.assessment.audit.Audit;
import com.northbeam.assessment.system.NotFoundException;

import org.springframework.stereotype.Service;

/** The published rules versions as the workbench reads them, each read audited. */
@Service
class PublishedRulesReader {

	private final Scoring scoring;

	private final Audit audit;

	PublishedRulesReader(Scoring scoring, Audit audit) {
		this.scoring = scoring;
		this.audit = audit;
	}

	PublishedRules published(String actor) {
		ScoringRules rules = this.scoring.published();
		this.audit.recordRead(actor, ScoringWorkbench.READ, null, "published version " + rules.version());
		PublishedVersion meta = this.scoring.publishedVersions()
			.stream()
			.filter((version) -> version.version() == rules.version())
			.findFirst()
			.orElseThrow();
		return new PublishedRules(meta, rules, GuideAnchors.ALL.stream().sorted().toList());
	}

	List<PublishedVersion> versions(String actor) {
		this.audit.recordRead(actor, ScoringWorkbench.READ, null, "versions");
		return this.scoring.publishedVersions();
	}

	ScoringRules version(int version, String actor) {
		this.audit.recordRead(actor, ScoringWorkbench.READ, null, "version " + version);
		return this.scoring.rules(version)
			.orElseThrow(() -> new NotFoundException("There is no rules version " + version));
	}

	DecisionMap decisionMap(Integer version, String actor) {
		ScoringRules rules = (version != null)
				? this.scoring.rules(version)
					.orElseThrow(() -> new NotFoundException("There is no rules version " + version))
				: this.scoring.published();
		this.audit.recordRead(actor, ScoringWorkbench.READ, null, "decision map of version " + rules.version());
		return DecisionMap.of(rules, this.scoring.questionnaire(rules));
	}

	/**
	 * @param version when and by whom it was published
	 * @param definition its models, baseline, scale, confidence, priority and rules (with
	 * their effects, conditions, wording and guide anchors)
	 * @param guideAnchors every guide anchor a rule may name
	 */
	record PublishedRules(PublishedVersion version, ScoringRules definition, List<String> guideAnchors) {
	}

}
