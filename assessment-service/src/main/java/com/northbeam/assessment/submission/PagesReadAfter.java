package com.northbeam.assessment.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.northbeam.assessment.system.FieldError;
import com.northbeam.assessment.system.InvalidInputException;
import com.northbeam.assessment.system.NotFoundException;

import org.springframework.stereotype.Service;

/**
 * Pages a prospect reads after the assessment, which the gateway sends one by one while
 * the visit's session lasts; they join the reading history that came with the submission.
 */
@Service
class PagesReadAfter {

	private final ReadingRepository reading;

	PagesReadAfter(ReadingRepository reading) {
		this.reading = reading;
	}

	/**
	 * Adds one page under the gateway's id for it: the same id again adds nothing, and
	 * neither does a page for a submission whose personal data is erased or that has
	 * {@value ReadingHistory#MAX_KEPT} pages already.
	 * @throws NotFoundException when there is no such submission
	 */
	void add(UUID submissionId, UUID pageId, SubmissionRequest.PageRead page) {
		List<FieldError> errors = new ArrayList<>();
		ReadingHistory.Page checked = ReadingHistory.check(page, "", errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (this.reading.addAfter(submissionId, pageId, checked) == ReadingRepository.Added.UNKNOWN) {
			throw new NotFoundException("There is no submission " + submissionId);
		}
	}

}
