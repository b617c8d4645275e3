package com.northbeam.testsupport.architecture;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureArchitectureTests {

	private static final Set<String> TABLES = Set.of("lead", "lead_event", "submission");

	@Test
	void findsTablesInTextBlocksAndPlainStrings() {
		String source = """
				class LeadRepository {
					String a = \"""
							select l.id from lead l
							join lead_event e on e.lead_id = l.id
							\""";
					String b = "insert into submission (id) values (?)";
				}
				""";
		assertThat(TableOwnership.tablesNamedBy(source, TABLES)).containsExactly("lead", "lead_event", "submission");
	}

	@Test
	void ignoresTableNamesOutsideStringsAndOutsideSql() {
		String source = """
				// select * from lead
				class Leads {
					String message = "a new lead arrived";
					String other = "select * from leads_archive";
				}
				""";
		assertThat(TableOwnership.tablesNamedBy(source, TABLES)).isEmpty();
	}

	@Test
	void featuresAreTheTopLevelPackagesBelowTheRoot() {
		FeatureArchitecture architecture = FeatureArchitecture.of("com.northbeam.testsupport", "test-support");
		assertThat(architecture.featureOf("com.northbeam.testsupport.architecture")).contains("architecture");
		assertThat(architecture.featureOf("com.northbeam.testsupport.lead.internal")).contains("lead");
		assertThat(architecture.featureOf("com.northbeam.testsupport")).isEmpty();
		assertThat(architecture.featureOf("com.northbeam.other.lead")).isEmpty();
	}

}
