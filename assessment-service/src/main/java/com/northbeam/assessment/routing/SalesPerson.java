package com.northbeam.assessment.routing;

/**
 * A staff account that may own leads, as the gateway published it.
 *
 * @param enabled whether the account may sign in; rules naming a disabled account are
 * skipped
 */
record SalesPerson(String email, String name, boolean enabled) {
}
