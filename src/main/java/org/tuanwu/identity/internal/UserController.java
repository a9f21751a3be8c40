package org.tuanwu.identity.internal;

import java.util.Optional;
import java.util.Set;

import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tuanwu.identity.CurrentActor;
import org.tuanwu.identity.Role;
import org.tuanwu.identity.internal.UserAdministration.Created;
import org.tuanwu.identity.internal.UserAdministration.UserDraft;
import org.tuanwu.identity.internal.UserAdministration.UserView;
import org.tuanwu.shared.Page;

@RestController
@RequestMapping("/api/v1/users")
class UserController {

	private final UserAdministration administration;

	private final CurrentActor actors;

	UserController(UserAdministration administration, CurrentActor actors) {
		this.administration = administration;
		this.actors = actors;
	}

	/**
	 * The user form; the limits are those of the columns (docs/api.md "Input limits").
	 */
	record UserRequest(@Size(max = 64) String username, @Size(max = 100) String displayName, Set<Role> roles,
			Long scopeOrgId, Boolean enabled) {

		UserDraft draft() {
			return new UserDraft(username == null ? "" : username.strip(), displayName == null ? "" : displayName,
					roles == null ? Set.of() : roles, Optional.ofNullable(scopeOrgId), enabled == null || enabled);
		}

	}

	record OneTimePassword(String oneTimePassword) {
	}

	@GetMapping
	Page<UserView> list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return administration.list(actors.get(), q, Math.max(0, page), Page.size(size));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Created create(@RequestBody UserRequest request) {
		return administration.create(actors.get(), request.draft());
	}

	@PutMapping("/{id}")
	UserView update(@PathVariable long id, @RequestBody UserRequest request) {
		return administration.update(actors.get(), id, request.draft());
	}

	@PostMapping("/{id}/reset-password")
	OneTimePassword resetPassword(@PathVariable long id) {
		return new OneTimePassword(administration.resetPassword(actors.get(), id));
	}

	@PostMapping("/{id}/unlock")
	UserView unlock(@PathVariable long id) {
		return administration.unlock(actors.get(), id);
	}

}
