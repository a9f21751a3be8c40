package org.tuanwu.organization.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
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
import org.tuanwu.organization.OrgDraft;
import org.tuanwu.organization.OrgKind;
import org.tuanwu.organization.Sector;
import org.tuanwu.organization.UnitDraft;
import org.tuanwu.organization.UnitRegister;
import org.tuanwu.organization.UnitSearch;
import org.tuanwu.organization.UnitType;
import org.tuanwu.organization.UnitView;
import org.tuanwu.shared.FieldError;
import org.tuanwu.shared.Page;
import org.tuanwu.shared.Text;

/** The units register (docs/api.md "Units register"). */
@RestController
@RequestMapping("/api/v1/units")
class UnitController {

	private final UnitRegister units;

	private final CurrentActor actors;

	UnitController(UnitRegister units, CurrentActor actors) {
		this.units = units;
		this.actors = actors;
	}

	/** The create/edit form; empty fields arrive as null. */
	record UnitForm(String code, String name, UnitType type, Long responsibleOrgId, Long leagueOrgId,
			Boolean aboveScale, Boolean meetsConditions, Boolean hasPartyOrg, Boolean standalone,
			Boolean hasLeagueSchool, Integer students, LocalDate linkedOn, Boolean ledDirectly, Integer version) {

		UnitDraft draft() {
			Map<String, Text> errors = new java.util.LinkedHashMap<>();
			if (type == null) {
				errors.put("type", Text.of("请选择单位类型", "Choose the unit type"));
			}
			if (responsibleOrgId == null) {
				errors.put("responsibleOrgId", Text.of("请选择属地团组织", "Choose the responsible org"));
			}
			if (!errors.isEmpty()) {
				throw FieldError.invalid("unit.invalid", errors);
			}
			return new UnitDraft(code == null ? "" : code, name == null ? "" : name, type, responsibleOrgId,
					Optional.ofNullable(leagueOrgId), Optional.ofNullable(aboveScale),
					Optional.ofNullable(meetsConditions), Optional.ofNullable(hasPartyOrg),
					Optional.ofNullable(standalone), Optional.ofNullable(hasLeagueSchool),
					Optional.ofNullable(students), Optional.ofNullable(linkedOn), Optional.ofNullable(ledDirectly));
		}

	}

	/**
	 * 建团: the new org's form (as {@code POST /orgs}, with the parent the caller picked)
	 * and the unit's version.
	 */
	record LeagueOrgForm(Long parentId, String code, String name, OrgKind kind, Sector sector, LocalDate establishedOn,
			Integer termYears, Integer version) {
	}

	@GetMapping
	Page<UnitView> search(@RequestParam(defaultValue = "") String q, @RequestParam Optional<UnitType> type,
			@RequestParam Optional<Long> under, @RequestParam Optional<Long> township,
			@RequestParam Optional<Boolean> covered, @RequestParam Optional<Boolean> aboveScale,
			@RequestParam Optional<Boolean> meetsConditions, @RequestParam Optional<Boolean> hasPartyOrg,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return units.search(actors.get(), new UnitSearch(q, type, under, township, covered, aboveScale, meetsConditions,
				hasPartyOrg, Math.max(0, page), Page.size(size)));
	}

	@PostMapping("/{id}/league-org")
	@ResponseStatus(HttpStatus.CREATED)
	UnitView foundLeagueOrg(@PathVariable long id, @RequestBody LeagueOrgForm form) {
		Map<String, Text> errors = new java.util.LinkedHashMap<>();
		if (form.parentId() == null) {
			errors.put("parentId", Text.of("请选择上级组织", "Choose the parent org"));
		}
		if (form.kind() == null) {
			errors.put("kind", Text.of("请选择组织类别", "Choose the org kind"));
		}
		if (form.version() == null) {
			errors.put("version", Text.of("缺少版本号，请刷新后重试", "The version is missing: reload and try again"));
		}
		if (!errors.isEmpty()) {
			throw FieldError.invalid("unit.invalid", errors);
		}
		UnitView unit = units.get(actors.get(), id);
		OrgDraft draft = new OrgDraft(form.code() == null ? "" : form.code(), form.name() == null ? "" : form.name(),
				form.kind(), form.sector() == null ? sectorOf(unit.type()) : form.sector(),
				Optional.ofNullable(form.establishedOn()), Optional.empty(), Optional.ofNullable(form.termYears()),
				Optional.empty(), Optional.empty(), Optional.empty());
		return units.foundLeagueOrg(actors.get(), id, form.parentId(), draft, form.version());
	}

	/** The sector a unit's own league org belongs to, when the form leaves it open. */
	static Sector sectorOf(UnitType type) {
		return switch (type) {
			case VILLAGE, COMMUNITY -> Sector.VILLAGE;
			case NON_PUBLIC_ENTERPRISE -> Sector.NON_PUBLIC_ENTERPRISE;
			case STATE_ENTERPRISE -> Sector.STATE_ENTERPRISE;
			case SOCIAL_ORGANIZATION, YOUTH_SOCIETY -> Sector.SOCIAL_ORGANIZATION;
			case PARTY_GOVERNMENT -> Sector.PARTY_GOVERNMENT;
			case PUBLIC_INSTITUTION -> Sector.PUBLIC_INSTITUTION;
			case UNIVERSITY -> Sector.UNIVERSITY;
			case VOCATIONAL -> Sector.VOCATIONAL;
			case HIGH_SCHOOL -> Sector.HIGH_SCHOOL;
			case MIDDLE_SCHOOL -> Sector.MIDDLE_SCHOOL;
			case HOSPITAL -> Sector.HOSPITAL;
			case NEW_EMPLOYMENT -> Sector.NEW_EMPLOYMENT;
		};
	}

	@GetMapping("/{id}")
	UnitView get(@PathVariable long id) {
		return units.get(actors.get(), id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	UnitView create(@RequestBody UnitForm form) {
		return units.create(actors.get(), form.draft());
	}

	@PutMapping("/{id}")
	UnitView update(@PathVariable long id, @RequestBody UnitForm form) {
		if (form.version() == null) {
			throw FieldError.invalid("unit.invalid",
					Map.of("version", Text.of("缺少版本号，请刷新后重试", "The version is missing: reload and try again")));
		}
		return units.update(actors.get(), id, form.draft(), form.version());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		units.delete(actors.get(), id);
	}

}
