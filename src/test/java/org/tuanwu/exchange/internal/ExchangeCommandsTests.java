package org.tuanwu.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.tuanwu.DatabaseTest;
import org.tuanwu.identity.Actor;
import org.tuanwu.organization.OrgDraft;
import org.tuanwu.organization.OrgKind;
import org.tuanwu.organization.OrganizationManagement;
import org.tuanwu.organization.Sector;
import org.tuanwu.shared.Command;

@DatabaseTest
class ExchangeCommandsTests {

	static final AtomicInteger SEQ = new AtomicInteger();

	@Autowired
	List<Command> commands;

	@Autowired
	OrganizationManagement orgs;

	@TempDir
	Path dir;

	String p;

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeEach
	void root() {
		p = "CL" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase() + SEQ.incrementAndGet();
		orgs.createRoot(Actor.commandLine("tester"),
				new OrgDraft(p + "R", "共青团测试市委员会", OrgKind.CITY_COMMITTEE, Sector.PARTY_GOVERNMENT, Optional.empty(),
						Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
	}

	int run(String name, String... args) {
		Command command = commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
		return command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	Path csv(String... lines) throws IOException {
		return Files.writeString(dir.resolve("orgs.csv"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
	}

	@Test
	void importsAGoodFileWithExitZeroAndOneSummaryLine() throws IOException {
		Path file = csv("组织编码,组织名称,上级组织编码,组织类别", p + "C,县," + p + "R,团县委", p + "T,镇," + p + "C,乡镇团委");

		int status = run("import", "organizations", file.toString());

		assertThat(status).isZero();
		assertThat(out().lines().toList()).containsExactly("导入完成：orgs.csv 共 2 行，新建 2，修改 0，未变 0");
		assertThat(err()).isEmpty();
		Actor cli = Actor.commandLine(System.getProperty("user.name"));
		assertThat(orgs.findByCode(cli, p + "T")).isPresent();
		// The command's actor was set only for the run.
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
	}

	@Test
	void refusesABadFileWithExitOneAndEveryBadRowOnStderr() throws IOException {
		Path file = csv("组织编码,组织名称,上级组织编码,组织类别", p + "C,县," + p + "NOPE,团县委", p + "T,," + p + "R,团小组");

		int status = run("import", "organizations", file.toString());

		assertThat(status).isEqualTo(1);
		assertThat(out()).isEmpty();
		assertThat(err().lines().toList()).containsExactly("导入失败：2 行有错误，未写入任何数据",
				"第2行 [上级组织编码] " + p + "NOPE: 上级组织不存在（文件和系统中都没有这个编码）", "第3行 [组织名称] : 组织名称不能为空",
				"第3行 [组织类别] 团小组: 组织类别应为以下之一：" + String.join("、", OrganizationsFormat.KINDS));
		assertThat(orgs.findByCode(Actor.commandLine("x"), p + "C")).isEmpty();
	}

	@Test
	void wrongUsageExitsTwo() throws IOException {
		assertThat(run("import", "organizations")).isEqualTo(2);
		assertThat(err()).startsWith("用法：import <类型>");
		assertThat(run("import", "spaceships", csv("a").toString())).isEqualTo(2);
		assertThat(run("export", "organizations", dir.resolve("out.pdf").toString())).isEqualTo(2);
	}

	@Test
	void aMissingFileExitsOne() {
		assertThat(run("import", "organizations", dir.resolve("none.csv").toString())).isEqualTo(1);
		assertThat(err()).contains("文件不存在");
	}

	@Test
	void exportsByExtensionAndTheExportImportsBackUnchanged() throws IOException {
		run("import", "organizations", csv("组织编码,组织名称,上级组织编码,组织类别", p + "C,县," + p + "R,团县委").toString());
		Path xlsx = dir.resolve("all.xlsx");

		assertThat(run("export", "organizations", xlsx.toString())).isZero();
		assertThat(Files.size(xlsx)).isPositive();
		out.reset();
		assertThat(run("import", "organizations", xlsx.toString())).isZero();

		// Everything in the database (other tests' orgs too) comes back unchanged:
		// nothing created or updated.
		assertThat(out()).contains("新建 0，修改 0，");
	}

	@Test
	void writesTheTemplate() throws IOException {
		Path csv = dir.resolve("template.csv");

		assertThat(run("template", "organizations", csv.toString())).isZero();

		assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8).get(0)).startsWith("\uFEFF组织编码,组织名称,上级组织编码,组织类别");
		assertThat(out()).startsWith("模板已写出：");
	}

}
