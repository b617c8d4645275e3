package com.northbeam.gateway.staff;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and managing staff accounts; the rules that keep the platform administrable
 * live here.
 */
@Service
public class StaffAccounts {

	static final int MIN_PASSWORD_LENGTH = 12;

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private final StaffRepository repository;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	StaffAccounts(StaffRepository repository, PasswordEncoder passwordEncoder, Clock clock,
			ApplicationEventPublisher events) {
		this.repository = repository;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
		this.events = events;
	}

	/** Published inside the transaction that created or changed an account. */
	record AccountsChanged() {
	}

	public List<StaffAccount> all() {
		return repository.findAll();
	}

	/** The name of every account by its email (normalised, see {@link #normalise}). */
	public Map<String, String> namesByEmail() {
		return namesByEmail(all());
	}

	/** The name of each of {@code accounts} by its email (normalised). */
	public static Map<String, String> namesByEmail(List<StaffAccount> accounts) {
		Map<String, String> names = new HashMap<>();
		for (StaffAccount account : accounts) {
			names.put(normalise(account.email()), account.name());
		}
		return names;
	}

	public Optional<StaffAccount> byId(UUID id) {
		return repository.findById(id);
	}

	public Optional<StaffAccount> byEmail(String email) {
		return repository.findByEmail(normalise(email));
	}

	/** Creates an enabled account; problems are reported per field. */
	@Transactional
	public StaffAccount create(String email, String name, Set<StaffRole> roles, String password) {
		StaffAccountProblems problems = new StaffAccountProblems();
		String normalisedEmail = normalise(email);
		if (!EMAIL.matcher(normalisedEmail).matches() || normalisedEmail.length() > 254) {
			problems.add("email", "staff.error.email");
		}
		checkName(name, problems);
		checkRoles(roles, problems);
		checkPassword(password, problems);
		problems.throwIfAny();
		StaffAccount account = new StaffAccount(UUID.randomUUID(), normalisedEmail, name.strip(), EnumSet.copyOf(roles),
				true, clock.instant(), null, 0);
		try {
			repository.insert(account, passwordEncoder.encode(password));
		}
		catch (DuplicateKeyException ex) {
			problems.add("email", "staff.error.emailTaken");
			problems.throwIfAny();
		}
		events.publishEvent(new AccountsChanged());
		return account;
	}

	/**
	 * Changes name, roles and whether the account may sign in. Refuses to leave the
	 * platform without an enabled admin, and refuses a stale edit.
	 */
	@Transactional
	public StaffAccount update(UUID id, int version, String name, Set<StaffRole> roles, boolean enabled) {
		StaffAccount current = repository.findById(id).orElseThrow(() -> new StaffAccountNotFoundException(id));
		StaffAccountProblems problems = new StaffAccountProblems();
		checkName(name, problems);
		checkRoles(roles, problems);
		boolean losesAdmin = current.isAdmin() && current.enabled() && (!roles.contains(StaffRole.ADMIN) || !enabled);
		if (losesAdmin && repository.countEnabledAdmins() <= 1) {
			problems.add("roles", "staff.error.lastAdmin");
		}
		problems.throwIfAny();
		if (!repository.update(id, version, name.strip(), EnumSet.copyOf(roles), enabled)) {
			throw new StaleStaffAccountException(repository.findById(id).orElseThrow());
		}
		events.publishEvent(new AccountsChanged());
		return repository.findById(id).orElseThrow();
	}

	@Transactional
	public void resetPassword(UUID id, String newPassword) {
		repository.findById(id).orElseThrow(() -> new StaffAccountNotFoundException(id));
		StaffAccountProblems problems = new StaffAccountProblems();
		checkPassword(newPassword, problems);
		problems.throwIfAny();
		repository.updatePasswordHash(id, passwordEncoder.encode(newPassword));
	}

	boolean hasAdmin() {
		return repository.countEnabledAdmins() > 0;
	}

	/** An email as accounts keep it, for comparing with one. */
	public static String normalise(String email) {
		return (email != null) ? email.strip().toLowerCase(Locale.ROOT) : "";
	}

	private static void checkName(String name, StaffAccountProblems problems) {
		if (name == null || name.isBlank() || name.length() > 120) {
			problems.add("name", "staff.error.name");
		}
	}

	private static void checkRoles(Set<StaffRole> roles, StaffAccountProblems problems) {
		if (roles == null || roles.isEmpty()) {
			problems.add("roles", "staff.error.roles");
		}
	}

	private static void checkPassword(String password, StaffAccountProblems problems) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 128) {
			problems.add("password", "staff.error.password");
		}
	}

}
