// Types for scripts/native-abi.mjs (plain JS so that npm scripts and the electron-builder hook run it without a compiler).
export declare const sqliteModulePath: string;
export declare function moduleAbis(bytes: Uint8Array): number[];
export declare function describeAbi(abi: number): string;
export declare function electronAbi(electronVersion: string): number;
export declare function installedElectronVersion(projectDir?: string): string;
export type AbiVerdict = { ok: true; abi: number } | { ok: false; problem: 'missing' | 'no-abi' | 'ambiguous' | 'mismatch'; found: number[] };
export declare function judgeAbi(found: number[] | null, expected: number): AbiVerdict;
export interface AbiCheck {
  file: string;
  electronVersion: string;
  expected: number;
  verdict: AbiVerdict;
}
export declare function checkModuleFile(file: string, electronVersion: string): AbiCheck;
export declare function abiReport(result: AbiCheck, env?: { nodedir?: string }): string;
