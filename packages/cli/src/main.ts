import { Command, CommanderError, Option } from 'commander';
import { errorLine, escapeControl, isGongkaiError, t, type Locale } from '@gongkai/core';
import './messages.js';
import { VERSION } from './version.js';
import { processIo, type Io } from './io.js';
import { sniffLocale } from './options.js';
import { reportCommand } from './commands/report.js';
import { rulesCommand } from './commands/rules.js';
import { printConfigCommand } from './commands/print-config.js';
import { initCommand } from './commands/init.js';
import { auditCommand } from './commands/audit.js';

const collect = (v: string, prev: string[] = []) => [...prev, v];

function commonOptions(cmd: Command, zh: boolean): Command {
  return cmd
    .option('-f, --format <name[:file]>', zh ? '输出格式 stylish|json|sarif|junit|html|github|xlsx，可重复；":文件" 写入文件' : 'output format stylish|json|sarif|junit|html|github|xlsx, repeatable; ":file" writes to a file', collect)
    .option('-c, --config <file>', zh ? '配置文件（默认向上查找 gongkai.config.yaml）' : 'config file (default: search upward for gongkai.config.yaml)')
    .option('--locale <locale>', zh ? '消息语言 zh|en' : 'message language zh|en')
    .option('--as-of <date>', zh ? '检查日期 YYYY-MM-DD（默认今天，北京时间）' : 'check date YYYY-MM-DD (default: today in Asia/Shanghai)')
    .option('--level <level>', zh ? '机构层级 department|government|township' : 'agency level department|government|township')
    .option('--fail-on <severity>', zh ? '达到该级别即退出码 1：error|warning|info' : 'exit 1 at this severity or above: error|warning|info')
    .option('--max-warnings <n>', zh ? '警告超过 n 个时退出码 1' : 'exit 1 when there are more than n warnings')
    .option('--min-score <n>', zh ? '得分低于 n 时退出码 1' : 'exit 1 when a score is below n')
    .option('--quiet', zh ? '不显示进度' : 'no progress output')
    .option('--debug', zh ? '出错时显示堆栈' : 'show stack traces on errors');
}

export function buildProgram(io: Io, codes: { value: number }): Command {
  const zh = io.locale !== 'en';
  const program = new Command('gongkai');
  program
    .description(t('cli.description', io.locale))
    .version(VERSION, '-v, --version', zh ? '显示版本' : 'print the version')
    .helpOption('-h, --help', zh ? '显示帮助' : 'show help')
    .addHelpCommand(false)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s), outputError: () => {} });

  commonOptions(program.command('report').argument('<paths...>', zh ? '年报文件或目录' : 'report files or directories'), zh)
    .description(t('cli.report', io.locale))
    .option('--published <date>', zh ? '发布日期 YYYY-MM-DD（文件中没有时）' : 'publication date YYYY-MM-DD (when the file has none)')
    .option('--regulation <version>', zh ? '按指定版本检查：2008|2019|2021（默认按报告年度判断）' : 'check against 2008|2019|2021 (default: from the report year)')
    .option('--draft', zh ? '草稿模式：提示距离法定期限不足 10 个工作日' : 'draft mode: warn when the deadline is under 10 working days away')
    .option('--fix', zh ? '自动修复编号（txt/md）' : 'fix numbering in place (txt/md)')
    .option('--fix-dry-run', zh ? '显示修复的差异，不写文件' : 'print the fixes as a diff without writing')
    .option('--baseline [file]', zh ? '使用基线文件（默认 gongkai-baseline.json）' : 'use a baseline file (default gongkai-baseline.json)')
    .option('--no-baseline', zh ? '忽略基线文件' : 'ignore the baseline file')
    .option('--write-baseline [file]', zh ? '把现有问题写入基线文件' : 'accept current findings into a baseline file')
    .option('--max-size <MB>', zh ? '文件大小上限（MB，默认 50）' : 'file size limit in MB (default 50)')
    .option('--cache', zh ? '缓存结果：未改动的文件不再重新检查' : 'cache results: unchanged files are not checked again')
    .option('--cache-location <file>', zh ? '缓存文件（默认 .gongkaicache）' : 'cache file (default .gongkaicache)')
    .option('--ignore-pattern <glob>', zh ? '遍历目录时跳过匹配的文件，可重复（如 "**/README.md"）' : 'skip matching files when walking directories, repeatable (e.g. "**/README.md")', collect)
    .action(async (paths: string[], opts) => {
      codes.value = await reportCommand(paths, opts, io);
    });

  commonOptions(program.command('audit').argument('[urls...]', zh ? '网站首页地址' : 'site home page URLs'), zh)
    .description(t('cli.audit', io.locale))
    .option('--sites <file>', zh ? '站点清单 YAML 或 CSV（name, url, level, region）' : 'site list, YAML or CSV (name, url, level, region)')
    .option('--max-pages <n>', zh ? '每站最多抓取页数（默认 500）' : 'max pages per site (default 500)')
    .option('--max-depth <n>', zh ? '最大深度（默认 4）' : 'max depth (default 4)')
    .option('--concurrency <n>', zh ? '总并发（默认 16）' : 'total concurrency (default 16)')
    .option('--per-host <n>', zh ? '每主机并发（默认 2）' : 'per-host concurrency (default 2)')
    .option('--delay <ms>', zh ? '每主机最小间隔毫秒（默认 1000）' : 'minimum per-host delay in ms (default 1000)')
    .option('--timeout <ms>', zh ? '响应头超时毫秒（默认 15000）' : 'headers timeout in ms (default 15000)')
    .option('--user-agent <ua>', zh ? 'User-Agent' : 'User-Agent')
    .option('--allow-host <host>', zh ? '允许抓取的其他主机，可重复' : 'another host to crawl, repeatable', collect)
    .option('--ignore-robots', zh ? '不遵守 robots.txt（仅限检查自己的网站）' : 'ignore robots.txt (only for your own site)')
    .option('--strict-tls', zh ? '证书错误时不继续抓取' : 'stop on certificate errors')
    .option('--allow-private', zh ? '允许内网和本机地址（测试、内网审计）' : 'allow private and loopback addresses (tests, intranets)')
    .option('--check-external', zh ? '也检查外部链接' : 'check external links too')
    .option('--dump-snapshot <file>', zh ? '把抓取快照写入 JSON 文件' : 'write the crawl snapshot to a JSON file')
    .option('--replay <file>', zh ? '用快照文件代替抓取' : 'analyse a saved snapshot instead of crawling')
    .option('--budget <seconds>', zh ? '多站审计的总时间预算（秒）' : 'total time budget for a multi-site audit (s)')
    .action(async (urls: string[], opts) => {
      codes.value = await auditCommand(urls, opts, io);
    });

  program
    .command('rules')
    .description(t('cli.rules', io.locale))
    .option('--pack <id>', zh ? '只列出该规则包的规则' : 'only the rules of this pack')
    .option('-c, --config <file>', zh ? '配置文件' : 'config file')
    .option('--json', zh ? '输出 JSON' : 'print JSON')
    .option('--locale <locale>', zh ? '消息语言 zh|en' : 'message language zh|en')
    .action((opts) => {
      codes.value = rulesCommand(opts, io);
    });

  program
    .command('init')
    .description(t('cli.init', io.locale))
    .option('--name <name>', zh ? '机构名称' : 'agency name')
    .option('--level <level>', zh ? '机构层级 department|government|township' : 'agency level')
    .option('--region <region>', zh ? '地区' : 'region')
    .option('--file <file>', zh ? '写入的文件（默认 gongkai.config.yaml）' : 'file to write (default gongkai.config.yaml)')
    .option('--force', zh ? '覆盖已有文件' : 'overwrite an existing file')
    .option('-y, --yes', zh ? '不提问，使用参数和默认值' : 'ask nothing; use flags and defaults')
    .option('--locale <locale>', zh ? '消息语言 zh|en' : 'message language zh|en')
    .action(async (opts) => {
      codes.value = await initCommand(opts, io);
    });

  program
    .command('print-config')
    .description(t('cli.printConfig', io.locale))
    .option('-c, --config <file>', zh ? '配置文件' : 'config file')
    .addOption(new Option('--kind <kind>', zh ? '对象类型 report|site' : 'subject kind report|site'))
    .option('--regime <version>', zh ? '年报版本 2008|2019|2021' : 'report regime 2008|2019|2021')
    .option('--year <year>', zh ? '报告年度' : 'report year')
    .option('--level <level>', zh ? '机构层级' : 'agency level')
    .option('--json', zh ? '输出 JSON' : 'print JSON')
    .option('--locale <locale>', zh ? '消息语言 zh|en' : 'message language zh|en')
    .action((opts) => {
      codes.value = printConfigCommand(opts, io);
    });

  return program;
}

const commanderZh: Record<string, (m: string) => string> = {
  'commander.unknownOption': (m) => m.replace(/^error: unknown option/, '未知的选项'),
  'commander.unknownCommand': (m) => m.replace(/^error: unknown command/, '未知的命令'),
  'commander.missingArgument': (m) => m.replace(/^error: missing required argument/, '缺少参数'),
  'commander.optionMissingArgument': (m) => m.replace(/^error: option (.*) argument missing/, '选项 $1 缺少取值'),
  'commander.excessArguments': (m) => m.replace(/^error: too many arguments.*/, '参数过多'),
};

/** Runs the CLI and returns the exit code. Every failure becomes one line on stderr and exit code 2. */
export async function main(argv: string[], io: Io = processIo(sniffLocale(argv))): Promise<number> {
  const codes = { value: 0 };
  const program = buildProgram(io, codes);
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv);
    return codes.value;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      const raw = e.message.split('\n')[0];
      const text = io.locale === 'en' ? raw.replace(/^error: /, '') : (commanderZh[e.code]?.(raw) ?? raw.replace(/^error: /, ''));
      io.stderr(`gongkai: ${escapeControl(text.replace(/\n.*/s, ''))}\n`);
      return 2;
    }
    if (debug && e instanceof Error && !isGongkaiError(e)) io.stderr(`${e.stack}\n`);
    const line = isGongkaiError(e) ? errorLine(e, io.locale) : t('cli.internal', io.locale as Locale, { message: errorLine(e, io.locale) });
    io.stderr(`gongkai: ${escapeControl(line)}\n`);
    return 2;
  }
}
