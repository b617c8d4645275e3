package com.northbeam.gateway.dashboard.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.northbeam.gateway.client.ScoringWorkbenchClient.Cell;
import com.northbeam.gateway.client.ScoringWorkbenchClient.DecisionMap;

/**
 * A decision map as tables: one per size band, a row per kind of internal IT, a column
 * per pressure level, in the order the service lists them.
 */
record MapView(int rulesVersion, List<String> pressures, List<Band> bands) {

	static MapView of(DecisionMap map) {
		List<String> pressures = new ArrayList<>();
		Map<String, Map<String, List<Cell>>> bands = new LinkedHashMap<>();
		for (Cell cell : map.cells()) {
			if (!pressures.contains(cell.pressure())) {
				pressures.add(cell.pressure());
			}
			bands.computeIfAbsent(cell.employees(), (key) -> new LinkedHashMap<>())
				.computeIfAbsent(cell.internalIt(), (key) -> new ArrayList<>())
				.add(cell);
		}
		List<Band> list = new ArrayList<>();
		bands.forEach((employees, rows) -> list.add(new Band(employees,
				rows.entrySet().stream().map((row) -> new Row(row.getKey(), List.copyOf(row.getValue()))).toList())));
		return new MapView(map.rulesVersion(), pressures, list);
	}

	record Band(String employees, List<Row> rows) {
	}

	record Row(String internalIt, List<Cell> cells) {
	}

}
