import { registerMessages } from '@gongkai/core';

registerMessages({
  'cli.description': {
    zh: '政府信息公开合规检查：检查政府信息公开工作年度报告，审计政府网站栏目',
    en: 'Government information-disclosure compliance: lint annual reports and audit agency websites',
  },
  'cli.report': { zh: '检查政府信息公开工作年度报告（txt/md/html/docx/pdf）', en: 'check annual reports (txt/md/html/docx/pdf)' },
  'cli.audit': { zh: '审计政府网站的必备栏目、更新情况和链接', en: 'audit agency websites: required columns, freshness, links' },
  'cli.rules': { zh: '列出规则', en: 'list the rules' },
  'cli.init': { zh: '生成带注释的配置文件', en: 'write a commented starter config' },
  'cli.printConfig': { zh: '显示合并后的配置', en: 'print the resolved config' },
  'cli.noInputs': { zh: '没有要检查的文件', en: 'no files to check' },
  'cli.noUrls': { zh: '没有要审计的网址（给出网址或 --sites 文件）', en: 'no URLs to audit (give URLs or --sites FILE)' },
  'cli.badFormat': {
    zh: '未知的输出格式 "{name}"（可用：{known}）',
    en: 'unknown format "{name}" (available: {known})',
  },
  'cli.badDate': { zh: '{option} 应为 YYYY-MM-DD，实际为 "{value}"', en: '{option} must be YYYY-MM-DD, got "{value}"' },
  'cli.badNumber': { zh: '{option} 应为数字，实际为 "{value}"', en: '{option} must be a number, got "{value}"' },
  'cli.badChoice': { zh: '{option} 应为 {choices} 之一，实际为 "{value}"', en: '{option} must be one of {choices}, got "{value}"' },
  'cli.notFound': { zh: '找不到文件：{path}', en: 'file not found: {path}' },
  'cli.configExists': { zh: '{file} 已存在（用 --force 覆盖）', en: '{file} already exists (use --force to overwrite)' },
  'cli.configWritten': { zh: '已写入 {file}', en: 'wrote {file}' },
  'cli.baselineWritten': { zh: '已写入基线 {file}（{count} 个问题被接受）', en: 'wrote baseline {file} ({count} findings accepted)' },
  'cli.badBaseline': { zh: '{file} 不是有效的 gongkai 基线文件', en: '{file} is not a valid gongkai baseline file' },
  'cli.fixed': { zh: '已修复 {file}（{count} 处）', en: 'fixed {file} ({count} edits)' },
  'cli.fixSkipped': { zh: '{file}：只能自动修复 UTF-8 编码的 txt/md 文件', en: '{file}: --fix only rewrites UTF-8 txt/md files' },
  'cli.unknownPack': { zh: '找不到规则包 "{pack}"（可用：{known}）', en: 'unknown pack "{pack}" (available: {known})' },
  'cli.rulesHeader': { zh: '规则\t严重级别\t权重\t说明\t文档', en: 'rule\tseverity\tweight\tdescription\tdocs' },
  'cli.internal': { zh: '内部错误：{message}（加 --debug 查看详情）', en: 'internal error: {message} (run with --debug for details)' },
  'cli.timing': { zh: '规则耗时', en: 'Rule timing' },
});
