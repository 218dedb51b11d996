import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { GongkaiError, t } from '@gongkai/core';
import { checkChoice } from '../options.js';
import { LEVELS } from '../run-context.js';
import type { Io } from '../io.js';

export interface InitOptions {
  name?: string;
  level?: string;
  region?: string;
  force?: boolean;
  file?: string;
  yes?: boolean;
}

/** The starter config: every line commented, so an agency can read what each setting does before changing it. */
export function starterConfig(a: { name: string; level: string; region: string }): string {
  return `# gongkai 配置文件 / gongkai config
# 文档 / docs: docs/configuration.md

# 继承的规则包：report = 年报要求（按报告年度自动选用 2008 条例、2019 条例或 2021 年格式）；site = 网站栏目要求。
# Packs to extend: "report" picks the 2008/2019/2021 requirements by report year; "site" is the website catalogue.
extends:
  - report
  - site
  # - ./my-province.yaml   # 省级规则包 / a province pack (see docs/rule-packs.md)

# 机构信息：level 决定年报的法定期限（department 部门 1月31日；government 政府 3月31日）。
# Agency: the level decides the annual-report deadline (department: 01-31, government: 03-31).
agency:
  name: ${JSON.stringify(a.name)}
  level: ${a.level}   # department | government | township
  region: ${JSON.stringify(a.region)}

# 规则覆盖：严重级别 error | warning | info | off，或 [严重级别, 选项]。
# Rule overrides: a severity, or [severity, options].
rules: {}
  # report/placeholder: warning
  # report/timeliness: [error, { deadlines: { department: "01-31", government: "03-31", township: "03-31" } }]

# 计分：及格线默认 60，与全国政府网站检查一致。
# Scoring: the pass line defaults to 60, as in the national website inspection.
scoring:
  passLine: 60
  # weights: { site/stale-column: 5 }

# 退出码阈值 / exit thresholds
# failOn: error        # error | warning | info
# maxWarnings: 10
# minScore: 80
`;
}

export async function initCommand(opts: InitOptions, io: Io): Promise<number> {
  const file = resolve(opts.file ?? 'gongkai.config.yaml');
  if (existsSync(file) && !opts.force) {
    throw new GongkaiError('cli/config-exists', { zh: t('cli.configExists', 'zh-CN', { file }), en: t('cli.configExists', 'en', { file }) });
  }
  let name = opts.name ?? '';
  let level = checkChoice('--level', opts.level, LEVELS) ?? 'department';
  let region = opts.region ?? '';
  // Ask only when a person is there to answer; in CI and pipes the flags (or defaults) are used as they are.
  if (process.stdin.isTTY && process.stdout.isTTY && !opts.yes) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const zh = io.locale !== 'en';
    name = (await rl.question(zh ? `机构名称 [${name}]: ` : `Agency name [${name}]: `)) || name;
    const l = (await rl.question(zh ? `机构层级 department/government/township [${level}]: ` : `Level department/government/township [${level}]: `)) || level;
    level = checkChoice('level', l, LEVELS) ?? level;
    region = (await rl.question(zh ? `地区 [${region}]: ` : `Region [${region}]: `)) || region;
    rl.close();
  }
  writeFileSync(file, starterConfig({ name, level, region }));
  io.stderr(`${t('cli.configWritten', io.locale, { file })}\n`);
  return 0;
}
