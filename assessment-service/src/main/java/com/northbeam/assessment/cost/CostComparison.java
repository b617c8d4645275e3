package com.northbeam.assessment.cost;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The yearly cost of today's setup, of co-managed and of fully managed IT, itemised.
 * Items worked out from answers or rules of thumb instead of the prospect's own figures
 * are marked estimated.
 *
 * @param assumptionsVersion the price assumptions version used
 * @param currency the currency of every amount
 * @param users users the per-user prices were applied to
 * @param itStaff internal IT staff (full-time equivalents) assumed for today
 * @param estimated whether any item is an estimate
 */
public record CostComparison(int assumptionsVersion, String currency, int users, double itStaff, boolean estimated,
		Setup current, @JsonProperty("co_managed") Setup coManaged, @JsonProperty("fully_managed") Setup fullyManaged) {

	/** One setup's yearly total and its items. */
	public record Setup(String label, long total, List<Item> items) {

		public Setup {
			items = List.copyOf(items);
		}

	}

	/** One line of cost: {@code code} is stable, {@code label} is for people. */
	public record Item(String code, String label, long amount, boolean estimated) {
	}

}
