package org.tuanwu.demo.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.tuanwu.shared.Command;

/**
 * {@code demo [--scale county|city|province] [--seed N]}: loads the demo data set into an
 * empty database.
 */
@Component
class DemoCommand implements Command {

	private final DemoLoader loader;

	DemoCommand(DemoLoader loader) {
		this.loader = loader;
	}

	@Override
	public String name() {
		return "demo";
	}

	@Override
	public String usage() {
		return "demo [--scale county|city|province] [--seed N]   在空数据库中载入虚构的演示数据（县约 3 千、市约 3 万、省约 30 万个组织）";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		DemoScale scale;
		long seed;
		try {
			CommandOptions options = CommandOptions.parse(args, Set.of("scale", "seed"));
			scale = options.get("scale")
				.map(s -> DemoScale.parse(s)
					.orElseThrow(() -> new IllegalArgumentException("--scale 只能是 county、city 或 province：" + s)))
				.orElse(DemoScale.COUNTY);
			seed = options.get("seed").map(s -> {
				try {
					return Long.parseLong(s.strip());
				}
				catch (NumberFormatException e) {
					throw new IllegalArgumentException("--seed 须为整数：" + s);
				}
			}).orElse(DemoLoader.DEFAULT_SEED);
		}
		catch (IllegalArgumentException e) {
			err.println(e.getMessage());
			err.println("用法：" + usage());
			return 2;
		}
		if (loader.databaseHoldsOrgs()) {
			err.println("数据库中已有组织数据，演示数据只能载入空数据库，未做任何修改。");
			return 1;
		}
		out.printf("正在载入演示数据：规模 %s，种子 %d …%n", scale.name().toLowerCase(), seed);
		DemoLoader.Loaded loaded = loader.load(scale, seed, Optional.of(out));
		out.printf("已载入演示数据：%d 个组织、%d 个单位（%d 批，每批一个事务），顶级组织编码 %s，用时 %.1f 秒（%.0f 行/秒）%n", loaded.orgs(), loaded.units(),
				loaded.chunks(), loaded.rootCode(), loaded.elapsed().toMillis() / 1000.0, loaded.rowsPerSecond());
		return 0;
	}

}
