package com.northbeam.gateway.staff;

import java.util.EnumSet;
import java.util.Set;

/** What the staff admin pages bind; never the account itself. */
final class StaffForms {

	private StaffForms() {
	}

	record NewStaff(String email, String name, Set<StaffRole> roles, String password) {

		NewStaff {
			roles = (roles != null) ? EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : roles)
					: EnumSet.noneOf(StaffRole.class);
		}

		static NewStaff empty() {
			return new NewStaff("", "", EnumSet.of(StaffRole.SALES), "");
		}

		NewStaff withoutPassword() {
			return new NewStaff(email, name, roles, "");
		}

	}

	/**
	 * An unticked "may sign in" box sends nothing: {@code enabled} is then {@code null},
	 * which means disabled.
	 */
	record EditStaff(String name, Set<StaffRole> roles, Boolean enabled, int version) {

		EditStaff {
			roles = (roles != null && !roles.isEmpty()) ? EnumSet.copyOf(roles) : EnumSet.noneOf(StaffRole.class);
			enabled = Boolean.TRUE.equals(enabled);
		}

		static EditStaff of(StaffAccount account) {
			return new EditStaff(account.name(), account.roles(), account.enabled(), account.version());
		}

	}

	record NewPassword(String password) {
	}

}
