package org.tuanwu.scorecard.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.CurrentActor;
import org.tuanwu.identity.Permission;
import org.tuanwu.scorecard.Evidence;
import org.tuanwu.scorecard.internal.RulePack.Target;
import org.tuanwu.shared.Page;
import org.tuanwu.shared.Language;
import org.tuanwu.shared.Problem;
import org.tuanwu.shared.Text;

/**
 * docs/api.md "Scorecard": scorecards, exports, evidence, trend, dashboard and rule
 * packs.
 */
@RestController
@RequestMapping("/api/v1")
class ScorecardController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Scorecards scorecards;

	private final ScorecardEngine engine;

	private final RulePacks packs;

	private final ScorecardExports exports;

	private final CurrentActor actors;

	ScorecardController(Scorecards scorecards, ScorecardEngine engine, RulePacks packs, ScorecardExports exports,
			CurrentActor actors) {
		this.scorecards = scorecards;
		this.engine = engine;
		this.packs = packs;
		this.exports = exports;
		this.actors = actors;
	}

	@GetMapping("/scorecards")
	ScorecardView scorecard(@RequestParam String org, @RequestParam String pack, @RequestParam String period,
			@RequestParam Optional<Integer> version) {
		return scorecards.scorecard(actors.get(), org, pack, version, period).localized(Language.english());
	}

	/**
	 * An export is an audited action, so only {@code POST} (docs/api.md "Safe methods").
	 */
	@PostMapping("/scorecards/export")
	void export(@RequestParam String org, @RequestParam String pack, @RequestParam String period,
			@RequestParam Optional<Integer> version, @RequestParam(defaultValue = "xlsx") String format,
			HttpServletResponse response) throws IOException {
		Actor actor = actors.get();
		if (!format.equals("xlsx") && !format.equals("pdf")) {
			throw Problem.badRequest("scorecard.format-invalid",
					Text.of("导出格式只能是 xlsx 或 pdf：{0}", "The export format can only be xlsx or pdf: {0}", format));
		}
		ScorecardView view = scorecards.scorecard(actor, org, pack, version, period);
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		if (format.equals("pdf")) {
			exports.pdf(view, buffer);
		}
		else {
			exports.xlsx(view, buffer);
		}
		scorecards.auditExport(actor, view, "（" + format + "）");
		attachment(response, format.equals("pdf") ? "application/pdf" : XLSX,
				view.org().name() + "-" + view.pack().id() + "-" + view.period() + "-指标考核." + format);
		buffer.writeTo(response.getOutputStream());
	}

	/**
	 * A page of evidence. The download of all of it is an audited action and so a
	 * {@code POST} (below); a {@code GET} asking for a file is refused rather than
	 * answered with a page the caller did not expect.
	 */
	@GetMapping("/scorecards/evidence")
	Page<Evidence> evidence(@RequestParam String org, @RequestParam String pack, @RequestParam String period,
			@RequestParam String code, @RequestParam Optional<Integer> version,
			@RequestParam(defaultValue = "false") boolean failingOnly, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, @RequestParam Optional<String> format) {
		if (format.isPresent()) {
			throw Problem.badRequest("scorecard.download-is-post",
					Text.of("下载明细是受审计的操作，请用 POST /scorecards/evidence?format=xlsx",
							"Downloading the details is an audited action: use POST /scorecards/evidence?format=xlsx"));
		}
		Actor actor = actors.get();
		actor.require(Permission.SCORECARD_READ);
		RulePack p = packs.get(pack, version);
		return engine.evidence(actor, p, org, engine.period(period), code, failingOnly, page, size);
	}

	/** All the evidence of an indicator as a workbook: an audited download. */
	@PostMapping("/scorecards/evidence")
	void evidenceXlsx(@RequestParam String org, @RequestParam String pack, @RequestParam String period,
			@RequestParam String code, @RequestParam Optional<Integer> version,
			@RequestParam(defaultValue = "false") boolean failingOnly,
			@RequestParam(defaultValue = "xlsx") String format, HttpServletResponse response) throws IOException {
		Actor actor = actors.get();
		actor.require(Permission.SCORECARD_READ);
		RulePack p = packs.get(pack, version);
		var parsed = engine.period(period);
		if (!format.equals("xlsx")) {
			throw Problem.badRequest("scorecard.format-invalid",
					Text.of("明细只能导出为 xlsx：{0}", "The details can only be exported as xlsx: {0}", format));
		}
		List<Evidence> all = new ArrayList<>();
		for (int n = 0;; n++) {
			Page<Evidence> part = engine.evidence(actor, p, org, parsed, code, failingOnly, n, Page.MAX_SIZE);
			all.addAll(part.items());
			if (part.items().size() < Page.MAX_SIZE) {
				break;
			}
		}
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		exports.evidenceXlsx(all, buffer);
		scorecards.auditEvidenceExport(actor, org, p.id(), parsed.toString(), code);
		attachment(response, XLSX, org + "-" + code + "-" + parsed + "-明细.xlsx");
		buffer.writeTo(response.getOutputStream());
	}

	@GetMapping("/scorecards/trend")
	List<Scorecards.TrendPoint> trend(@RequestParam String org, @RequestParam String pack, @RequestParam String code,
			@RequestParam Optional<String> from, @RequestParam Optional<String> to,
			@RequestParam Optional<Integer> version) {
		Actor actor = actors.get();
		actor.require(Permission.SCORECARD_READ);
		return scorecards.trend(actor, org, pack, version, code, from, to);
	}

	@GetMapping("/dashboard")
	Scorecards.Dashboard dashboard(@RequestParam Optional<String> org) {
		return scorecards.dashboard(actors.get(), org, Language.english());
	}

	record PackSummary(String id, int version, String title, String issuer, @Nullable LocalDate issuedOn,
			int indicatorCount, boolean builtIn, @Nullable OffsetDateTime uploadedAt, @Nullable String uploadedBy) {
	}

	record PackIndicatorView(String code, String name, Area area, IndicatorUnit unit, @Nullable Target target,
			boolean informational, List<String> appliesTo, String clause) {
	}

	record PackDetail(String id, int version, String title, String issuer, @Nullable LocalDate issuedOn,
			int indicatorCount, boolean builtIn, @Nullable OffsetDateTime uploadedAt, @Nullable String uploadedBy,
			Map<String, String> clauses, List<PackIndicatorView> indicators, List<Integer> versions) {
	}

	@GetMapping("/rule-packs")
	List<PackSummary> packs() {
		actors.get().require(Permission.SCORECARD_READ);
		return packs.latest().stream().map(ScorecardController::summary).toList();
	}

	@GetMapping("/rule-packs/{id}")
	PackDetail pack(@PathVariable String id, @RequestParam Optional<Integer> version) {
		actors.get().require(Permission.SCORECARD_READ);
		return detail(packs.get(id, version), Language.english());
	}

	@GetMapping("/rule-packs/{id}/download")
	void download(@PathVariable String id, @RequestParam Optional<Integer> version, HttpServletResponse response)
			throws IOException {
		actors.get().require(Permission.SCORECARD_READ);
		RulePack pack = packs.get(id, version);
		attachment(response, "application/yaml;charset=UTF-8", pack.id() + "-v" + pack.version() + ".yaml");
		response.getOutputStream().write(pack.yaml().getBytes(StandardCharsets.UTF_8));
	}

	@PostMapping("/rule-packs")
	@ResponseStatus(HttpStatus.CREATED)
	PackDetail upload(@RequestParam(required = false) @Nullable MultipartFile file) throws IOException {
		Actor actor = actors.get();
		actor.require(Permission.SCORECARD_MANAGE);
		if (file == null || file.isEmpty()) {
			throw Problem.badRequest("file.missing",
					Text.of("请选择要上传的规则包文件（YAML）", "Choose the rule pack file (YAML) to upload"));
		}
		if (file.getSize() > 1_000_000) {
			throw new Problem(413, "file.too-large", Text.of("规则包文件不能超过 1 MB", "A rule pack file cannot exceed 1 MB"));
		}
		return detail(packs.upload(actor, new String(file.getBytes(), StandardCharsets.UTF_8)), Language.english());
	}

	private static PackSummary summary(RulePack p) {
		return new PackSummary(p.id(), p.version(), p.title(), p.issuer(), p.issuedOn().orElse(null),
				p.indicators().size(), p.builtIn(), p.uploadedAt().orElse(null), p.uploadedBy().orElse(null));
	}

	private PackDetail detail(RulePack p, boolean english) {
		List<PackIndicatorView> indicators = p.indicators().stream().map(i -> {
			var def = IndicatorCatalogue.get(i.code());
			return new PackIndicatorView(i.code(), def.name(english), def.area(), def.unit(), i.target().orElse(null),
					i.informational(), i.appliesTo(), i.clause());
		}).toList();
		return new PackDetail(p.id(), p.version(), p.title(), p.issuer(), p.issuedOn().orElse(null),
				p.indicators().size(), p.builtIn(), p.uploadedAt().orElse(null), p.uploadedBy().orElse(null),
				new java.util.TreeMap<>(p.clauses()), indicators, packs.versions(p.id()));
	}

	static void attachment(HttpServletResponse response, String type, String fileName) {
		response.setContentType(type);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
	}

}
