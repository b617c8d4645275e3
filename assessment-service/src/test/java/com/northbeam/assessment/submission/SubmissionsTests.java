package com.northbeam.assessment.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.northbeam.assessment.AssessmentServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@AssessmentServiceTest
class SubmissionsTests {

	@Autowired
	Submissions submissions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Test
	void twoThreadsWithTheSameIdAtTheSameMomentCreateOneLead() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 25; round++) {
				UUID id = UUID.randomUUID();
				SubmissionRequest request = json.readValue(SubmissionBodies.valid(id), SubmissionRequest.class);
				CyclicBarrier start = new CyclicBarrier(2);
				List<Future<Submissions.Outcome>> outcomes = new ArrayList<>();
				for (int thread = 0; thread < 2; thread++) {
					outcomes.add(pool.submit(() -> {
						start.await();
						return submissions.submit(request);
					}));
				}
				Submissions.Outcome first = outcomes.get(0).get();
				Submissions.Outcome second = outcomes.get(1).get();
				assertThat(List.of(first.created(), second.created())).as("round %d", round)
					.containsExactlyInAnyOrder(true, false);
				assertThat(first.result()).isEqualTo(second.result());
				for (String table : List.of("lead", "consent_record", "submission_result")) {
					assertThat(jdbc.sql("select count(*) from " + table + " where submission_id = :id")
						.param("id", id)
						.query(Integer.class)
						.single()).as("%s in round %d", table, round).isEqualTo(1);
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
