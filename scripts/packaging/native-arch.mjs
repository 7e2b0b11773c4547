// Which CPU a native module (`.node`) was built for, read from its header, so that an installer
// for one architecture can never ship another's binary (issue 20, item 1: one host-arch
// better_sqlite3.node and keytar.node went into both Mac dmgs). Formats:
// ELF (Linux) e_machine at 18; Mach-O (macOS) cputype at 4, or a fat/universal header listing
// several; PE (Windows) Machine after the "PE\0\0" signature that e_lfanew (0x3C) points to.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ELF_MACHINES = { 0x03: 'ia32', 0x28: 'armv7l', 0x3e: 'x64', 0xb7: 'arm64' };
const MACHO_CPUS = { 0x01000007: 'x64', 0x0100000c: 'arm64', 0x00000007: 'ia32' };
const PE_MACHINES = { 0x014c: 'ia32', 0x8664: 'x64', 0xaa64: 'arm64' };
/** The binary format each platform loads. */
export const FORMAT_OF = { linux: 'elf', darwin: 'macho', mas: 'macho', win32: 'pe' };
/** electron-builder's Arch enum (builder-util), as found in an afterPack context. */
export const BUILDER_ARCH = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

const name = (table, n) => table[n] ?? `unknown(0x${n.toString(16)})`;

/** { format, archs } of a native binary, or null when the bytes are none of ELF, Mach-O, PE. */
export function describeBinary(buf) {
  if (buf.length >= 20 && buf.readUInt32BE(0) === 0x7f454c46) {
    const le = buf[5] !== 2;
    return { format: 'elf', archs: [name(ELF_MACHINES, le ? buf.readUInt16LE(18) : buf.readUInt16BE(18))] };
  }
  if (buf.length >= 8) {
    const magicLE = buf.readUInt32LE(0);
    if (magicLE === 0xfeedfacf || magicLE === 0xfeedface)
      return { format: 'macho', archs: [name(MACHO_CPUS, buf.readUInt32LE(4))] };
    if (buf.readUInt32BE(0) === 0xcafebabe) {
      const count = buf.readUInt32BE(4);
      const archs = [];
      for (let i = 0; i < count && 8 + i * 20 + 4 <= buf.length; i++)
        archs.push(name(MACHO_CPUS, buf.readUInt32BE(8 + i * 20)));
      return { format: 'macho', archs };
    }
  }
  if (buf.length >= 0x40 && buf.toString('latin1', 0, 2) === 'MZ') {
    const pe = buf.readUInt32LE(0x3c);
    if (pe + 6 <= buf.length && buf.readUInt32BE(pe) === 0x50450000)
      return { format: 'pe', archs: [name(PE_MACHINES, buf.readUInt16LE(pe + 4))] };
  }
  return null;
}

/** A sentence per native module that cannot load on `platform`/`arch`; empty when all can. */
export function nativeArchFailures(natives, { platform, arch }) {
  const want = FORMAT_OF[platform];
  const failures = [];
  for (const { path, bytes } of natives) {
    const got = describeBinary(bytes);
    if (!got) failures.push(`${path} is not a native binary (no ELF, Mach-O or PE header)`);
    else if (want && got.format !== want) failures.push(`${path} is a ${got.format} binary; ${platform} loads ${want}`);
    else if (
      arch === 'universal' ? !(got.archs.includes('x64') && got.archs.includes('arm64')) : !got.archs.includes(arch)
    )
      failures.push(`${path} is built for ${got.archs.join('+')}, but this package is for ${platform} ${arch}`);
  }
  return failures;
}

/** Every `.node` under dir, with its bytes (only the header is needed, but they are small). */
export function nativesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.node'))
        out.push({ path: relative(dir, p).replace(/\\/g, '/'), bytes: readFileSync(p) });
    }
  };
  walk(dir);
  return out;
}

/** afterPack: throws when any packed `.node` does not match the platform and arch being packed. */
export function assertNativeArch(context) {
  const arch = BUILDER_ARCH[context.arch] ?? String(context.arch);
  const failures = nativeArchFailures(nativesUnder(context.appOutDir), {
    platform: context.electronPlatformName,
    arch,
  });
  if (failures.length) {
    throw new Error(
      `Native modules do not match this ${context.electronPlatformName} ${arch} package (build each architecture on a machine of that architecture):\n  ${failures.join('\n  ')}`,
    );
  }
}
