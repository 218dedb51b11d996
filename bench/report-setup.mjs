// The engine exactly as `gongkai report` assembles it, imported from the built packages (run `pnpm exec tsc -b`
// first): the CLI's registry, built-in packs and default config, the report loaders and the subject wrapper.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = (p) => `${root}packages/${p}`;

function need(file) {
  if (!existsSync(file)) {
    console.error(`bench: ${file} is missing — build first: pnpm exec tsc -b`);
    process.exit(2);
  }
  return pathToFileURL(file).href;
}

export async function loadEngine({ cwd }) {
  const core = await import(need(dist('core/dist/index.js')));
  const report = await import(need(dist('report/dist/index.js')));
  const setup = await import(need(dist('cli/dist/setup.js')));
  let config;
  let configNote;
  try {
    config = setup.loadConfig({ cwd });
  } catch (e) {
    // While the site packs are still being written the default `extends: [report, site]` cannot resolve; site
    // rules never apply to a report subject, so the report packs alone give the same rule set for this bench.
    if (e?.code !== 'config/unknown-pack') throw e;
    const registry = setup.builtinRegistry();
    const packs = setup.builtinPacks(registry);
    const user = core.validateConfig({ extends: ['report'] }, '(bench default)', registry);
    config = { user, resolved: core.resolveConfig(user, packs), registry, packs };
    configNote = `default config did not resolve (${e.message}); using extends: [report]`;
  }
  for (const name of ['loadReport', 'reportSubject']) {
    if (typeof report[name] !== 'function') {
      console.error(`bench: @gongkai/report does not export ${name} yet`);
      process.exit(2);
    }
  }
  return { core, report, config, configNote };
}

/** unified + remark-parse + remark-gfm from the report package's own dependencies (the bench has none of its own). */
export async function loadRemark() {
  const req = createRequire(dist('report/package.json'));
  const load = async (name) => (await import(pathToFileURL(req.resolve(name)).href));
  const { unified } = await load('unified');
  const remarkParse = (await load('remark-parse')).default;
  const remarkGfm = (await load('remark-gfm')).default;
  return { unified, remarkParse, remarkGfm };
}
