package com.northbeam.gateway.staff;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
public class StaffAccountNotFoundException extends RuntimeException {

	StaffAccountNotFoundException(UUID id) {
		super("No staff account " + id);
	}

}
