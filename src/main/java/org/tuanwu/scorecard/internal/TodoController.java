package org.tuanwu.scorecard.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tuanwu.shared.Language;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.CurrentActor;
import org.tuanwu.identity.Permission;
import org.tuanwu.shared.Page;

/**
 * docs/api.md "To-do list": 待办提醒 of a subtree — counts per kind, the paged list filtered
 * by kind and township, and its export. Needs {@code scorecard:read}; every org is
 * limited to the caller's scope.
 */
@RestController
@RequestMapping("/api/v1/todos")
class TodoController {

	private final Todos todos;

	private final ScorecardExports exports;

	private final CurrentActor actors;

	TodoController(Todos todos, ScorecardExports exports, CurrentActor actors) {
		this.todos = todos;
		this.exports = exports;
		this.actors = actors;
	}

	record KindView(String kind, String title) {
	}

	@GetMapping("/kinds")
	List<KindView> kinds() {
		actors.get().require(Permission.SCORECARD_READ);
		boolean english = Language.english();
		return todos.kindsInOrder()
			.stream()
			.map(k -> new KindView(k.code(), english ? k.titleEn() : k.title()))
			.toList();
	}

	@GetMapping("/summary")
	Todos.Summary summary(@RequestParam Optional<String> org, @RequestParam Optional<String> township,
			@RequestParam(defaultValue = "5") int first) {
		Actor actor = actors.get();
		Todos.Filter filter = todos.filter(actor, org, Optional.empty(), township);
		return todos.summary(actor, filter, Language.english(), Math.max(0, Math.min(first, 50)));
	}

	@GetMapping
	Page<Todos.TodoItem> list(@RequestParam Optional<String> org, @RequestParam Optional<String> kind,
			@RequestParam Optional<String> township, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		Actor actor = actors.get();
		return todos.list(actor, todos.filter(actor, org, kind, township), Language.english(), page, size);
	}

	/** An audited download, so only {@code POST} (docs/api.md "Safe methods"). */
	@PostMapping("/export")
	void export(@RequestParam Optional<String> org, @RequestParam Optional<String> kind,
			@RequestParam Optional<String> township, HttpServletResponse response) throws IOException {
		Actor actor = actors.get();
		Todos.Filter filter = todos.filter(actor, org, kind, township);
		Page<Todos.TodoItem> all = todos.all(actor, filter, false);
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		exports.todosXlsx(filter, all, buffer);
		todos.auditExport(actor, filter, all.items().size());
		ScorecardController.attachment(response, ScorecardController.XLSX,
				filter.township().orElse(filter.org()).name() + "-待办提醒.xlsx");
		buffer.writeTo(response.getOutputStream());
	}

}
