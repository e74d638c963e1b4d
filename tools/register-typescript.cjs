/**
 * How this project runs TypeScript: `node -r ./tools/register-typescript.cjs`, and cucumber's
 * requireModule. ts-node transpiles (transpile-only, through swc, as tsconfig.json says;
 * type-checking is `npm run typecheck`), and each transpiled file is kept on disk, keyed by
 * a hash of its path, its source and everything else that shapes the output (tsconfig.json,
 * the versions of ts-node and swc, this file). A changed file hashes differently, so it is
 * always transpiled afresh; an unchanged one is read back.
 *
 * Why: ts-node loads the TypeScript compiler to read its configuration, about 0.35 s of
 * every process's start (each cucumber worker, each unit-test file). With every file in
 * the cache, neither the compiler nor swc is loaded at all.
 *
 * Stack traces keep pointing at TypeScript lines: the output carries an inline source map
 * and Node's own source-map support is switched on.
 *
 * RDL_TRANSPILE_CACHE=off transpiles everything afresh and writes nothing.
 */
'use strict';
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const MARK = Symbol.for('rdl.register-typescript');

if (!process[MARK]) {
  process[MARK] = true;
  const root = resolve(__dirname, '..');
  const enabled = process.env.RDL_TRANSPILE_CACHE !== 'off';
  const cacheDir = join(root, 'node_modules', '.cache', 'rdl-transpiled');
  const salt = [
    readFileSync(join(root, 'tsconfig.json'), 'utf8'),
    require('ts-node/package.json').version,
    require('@swc/core/package.json').version,
    readFileSync(__filename, 'utf8'),
  ].join('\0');

  /** ts-node's service, made at the first file that is not in the cache. */
  let service;
  const transpile = (source, fileName) => {
    service ??= require('ts-node').create({ transpileOnly: true, cwd: root });
    return service.compile(source, fileName);
  };

  const compiled = (source, fileName) => {
    // Stryker's sandboxes are new folders every run: their files would only fill the cache.
    if (!enabled || fileName.includes('.stryker-tmp')) return transpile(source, fileName);
    const key = createHash('sha256').update(salt).update('\0').update(fileName).update('\0').update(source).digest('hex');
    const cached = join(cacheDir, `${key}.js`);
    try {
      return readFileSync(cached, 'utf8');
    } catch {
      const output = transpile(source, fileName);
      try {
        // Written aside and renamed into place: a parallel worker never reads half a file.
        mkdirSync(cacheDir, { recursive: true });
        const aside = `${cached}.${process.pid}.tmp`;
        writeFileSync(aside, output);
        renameSync(aside, cached);
      } catch {
        // A read-only checkout still runs; it only transpiles every time.
      }
      return output;
    }
  };

  process.setSourceMapsEnabled(true);
  require.extensions['.ts'] = function loadTypeScript(module, fileName) {
    module._compile(compiled(readFileSync(fileName, 'utf8'), fileName), fileName);
  };
}
