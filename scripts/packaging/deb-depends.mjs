// electron-builder's own Depends list for a .deb. Setting `deb.depends` replaces it, so the config
// builds on this list and the package check fails when one of these is missing (issue 20, item 5).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The list electron-builder would write without a `depends` setting (app-builder-lib's FpmTarget). */
export function defaultDebDepends() {
  const FpmTarget = require('app-builder-lib/out/targets/FpmTarget').default;
  return FpmTarget.prototype.getDefaultDepends.call(null, 'deb');
}

/** A sentence per default the configured list lacks (an alternative "a | b" counts for both). */
export function missingDebDefaults(depends) {
  const names = new Set((depends ?? []).flatMap((d) => d.split('|').map((n) => n.trim().replace(/\s*\(.*\)$/, ''))));
  return defaultDebDepends()
    .filter((d) => !names.has(d))
    .map((d) => `deb.depends lacks ${d}, one of electron-builder's defaults (setting depends replaces them)`);
}
