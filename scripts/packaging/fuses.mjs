// Electron fuses, flipped in the packaged binary by electron-builder's afterPack hook (before any
// code signing). https://www.electronjs.org/docs/latest/tutorial/fuses
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';
import { assertNativeArch } from './native-arch.mjs';

/** What each fuse is set to, and why. A unit test pins every value. */
export const FUSES = {
  version: FuseVersion.V1,
  // The app binary can never be used as a plain Node (ELECTRON_RUN_AS_NODE) to run other code.
  [FuseV1Options.RunAsNode]: false,
  // Cookies and the session store are encrypted with an OS-keychain key.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS / --inspect cannot inject code or a debugger into the packaged app.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app.asar hash recorded by electron-builder at pack time is checked at start (macOS, Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar is loaded: a dropped-in resources/app folder is ignored.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // file:// gets no extra privileges; the app is served from app:// anyway.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/**
 * The fuses for this pack. FRONT_DESK_SMOKE_FUSES=1 (the CI smoke pack only, never an installer)
 * leaves `--inspect` on, the one fuse Playwright's Electron driver needs to reach the main process
 * (https://playwright.dev/docs/api/class-electron, "Known issues").
 */
export function fusesFor(env = process.env) {
  if (env.FRONT_DESK_SMOKE_FUSES !== '1') return FUSES;
  return { ...FUSES, [FuseV1Options.EnableNodeCliInspectArguments]: true };
}

/** The file holding the fuse wire inside electron-builder's output folder for one platform. */
export function electronBinaryIn(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${name}.app`);
    case 'win32':
      return join(context.appOutDir, `${name}.exe`);
    default:
      return join(context.appOutDir, context.packager.executableName);
  }
}

/**
 * electron-builder afterPack hook. First refuses a package whose native modules were built for
 * another CPU (npmRebuild is off, so electron-builder copies the host's binaries into every arch).
 */
export async function afterPack(context) {
  assertNativeArch(context);
  const binary = electronBinaryIn(context);
  await flipFuses(binary, {
    ...fusesFor(),
    // An arm64 macOS binary must stay ad-hoc signed after its bytes change (if not signed later).
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3 /* Arch.arm64 */,
  });
}
