package org.tuanwu.organization.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.tuanwu.organization.OrgDetail;
import org.tuanwu.organization.OrgDraft;
import org.tuanwu.organization.OrgKind;
import org.tuanwu.organization.OrgNode;
import org.tuanwu.organization.OrgSearch;
import org.tuanwu.organization.OrgStats;
import org.tuanwu.organization.OrganizationManagement;
import org.tuanwu.organization.Sector;
import org.tuanwu.shared.FieldError;
import org.tuanwu.shared.Page;
import org.tuanwu.shared.Text;

@RestController
@RequestMapping("/api/v1")
class OrgController {

	private final OrganizationManagement orgs;

	private final CurrentActor actors;

	OrgController(OrganizationManagement orgs, CurrentActor actors) {
		this.orgs = orgs;
		this.actors = actors;
	}

	/** The create/edit form. Kind and sector arrive as codes; empty fields as null. */
	record OrgForm(Long parentId, String code, String name, OrgKind kind, Sector sector, LocalDate establishedOn,
			LocalDate lastElectionOn, Integer termYears, Integer residentYouth, Integer registeredPop635,
			Boolean youthWorkCommittee, Integer version) {

		OrgDraft draft() {
			if (kind == null) {
				throw FieldError.invalid("org.invalid", Map.of("kind", Text.of("请选择组织类别", "Choose the org kind")));
			}
			return new OrgDraft(code == null ? "" : code, name == null ? "" : name, kind,
					sector == null ? Sector.OTHER : sector, Optional.ofNullable(establishedOn),
					Optional.ofNullable(lastElectionOn), Optional.ofNullable(termYears),
					Optional.ofNullable(residentYouth), Optional.ofNullable(registeredPop635),
					Optional.ofNullable(youthWorkCommittee));
		}

	}

	record MoveRequest(long newParentId) {
	}

	record DissolveRequest(LocalDate dissolvedOn, String reason) {
	}

	record RestoreRequest(String reason) {
	}

	/**
	 * The codes of the lists, and the kind hierarchy: which kinds may be a top of the
	 * tree, and the child kinds of each kind (what 新增下级 and the kind list may offer).
	 */
	record Enums(List<OrgKind> orgKinds, List<OrgKind> branchKinds, List<Sector> sectors,
			List<org.tuanwu.identity.Role> roles, List<OrgKind> rootKinds, Map<OrgKind, List<OrgKind>> childKinds) {
	}

	/** The field rules the server checks with, for the forms of orgs and units. */
	record FieldRulesView(Map<String, FieldRules.FieldRule> org, Map<String, FieldRules.FieldRule> unit,
			Map<String, FieldRules.FieldRule> dissolve, Map<String, FieldRules.FieldRule> restore) {
	}

	@GetMapping("/orgs/roots")
	List<OrgNode> roots(@RequestParam(defaultValue = "false") boolean includeDissolved) {
		return orgs.roots(actors.get(), includeDissolved);
	}

	@GetMapping("/orgs/{id}/children")
	List<OrgNode> children(@PathVariable long id, @RequestParam(defaultValue = "false") boolean includeDissolved) {
		return orgs.children(actors.get(), id, includeDissolved);
	}

	@GetMapping("/orgs/{id}")
	OrgDetail get(@PathVariable long id) {
		return orgs.get(actors.get(), id);
	}

	@GetMapping("/orgs")
	Page<OrgNode> search(@RequestParam(defaultValue = "") String q, @RequestParam Optional<Long> under,
			@RequestParam Optional<OrgKind> kind, @RequestParam(defaultValue = "false") boolean includeDissolved,
			@RequestParam Optional<Long> validParentFor, @RequestParam Optional<OrgKind> mayHaveChild,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return orgs.search(actors.get(), new OrgSearch(q, under, kind, includeDissolved, validParentFor, mayHaveChild,
				Math.max(0, page), Page.size(size)));
	}

	@GetMapping("/orgs/stats")
	OrgStats stats(@RequestParam Optional<Long> under) {
		return orgs.stats(actors.get(), under);
	}

	@PostMapping("/orgs")
	@ResponseStatus(HttpStatus.CREATED)
	OrgDetail create(@RequestBody OrgForm form) {
		if (form.parentId() == null) {
			return orgs.createRoot(actors.get(), form.draft());
		}
		return orgs.create(actors.get(), form.parentId(), form.draft());
	}

	@PutMapping("/orgs/{id}")
	OrgDetail update(@PathVariable long id, @RequestBody OrgForm form) {
		if (form.version() == null) {
			throw FieldError.invalid("org.invalid",
					Map.of("version", Text.of("缺少版本号，请刷新后重试", "The version is missing: reload and try again")));
		}
		return orgs.update(actors.get(), id, form.draft(), form.version());
	}

	@PostMapping("/orgs/{id}/move")
	OrgDetail move(@PathVariable long id, @RequestBody MoveRequest request) {
		return orgs.move(actors.get(), id, request.newParentId());
	}

	@PostMapping("/orgs/{id}/dissolve")
	OrgDetail dissolve(@PathVariable long id, @RequestBody DissolveRequest request) {
		if (request.dissolvedOn() == null) {
			throw FieldError.invalid("org.invalid",
					Map.of("dissolvedOn", Text.of("请填写撤销日期", "Enter the dissolution date")));
		}
		return orgs.dissolve(actors.get(), id, request.dissolvedOn(), request.reason() == null ? "" : request.reason());
	}

	@PostMapping("/orgs/{id}/restore")
	OrgDetail restore(@PathVariable long id, @RequestBody RestoreRequest request) {
		return orgs.restore(actors.get(), id, request.reason() == null ? "" : request.reason());
	}

	@GetMapping("/meta/enums")
	Enums enums() {
		Map<OrgKind, List<OrgKind>> childKinds = new EnumMap<>(OrgKind.class);
		for (OrgKind k : OrgKind.values()) {
			childKinds.put(k, k.childKinds());
		}
		return new Enums(Arrays.asList(OrgKind.values()),
				Arrays.stream(OrgKind.values()).filter(OrgKind::isBranch).toList(), Arrays.asList(Sector.values()),
				Arrays.asList(org.tuanwu.identity.Role.values()), OrgKind.rootKinds(), childKinds);
	}

	@GetMapping("/meta/field-rules")
	FieldRulesView fieldRules() {
		return new FieldRulesView(FieldRules.byField(FieldRules.ORG), FieldRules.byField(FieldRules.UNIT),
				FieldRules.byField(List.of(FieldRules.DISSOLVED_ON, FieldRules.DISSOLVE_REASON)),
				FieldRules.byField(List.of(FieldRules.RESTORE_REASON)));
	}

}
