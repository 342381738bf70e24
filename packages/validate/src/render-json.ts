import { countBySeverity, type Diagnostic, type SourceLocation } from "@zmgr/errors";

export interface DiagnosticJson {
  code: string;
  severity: Diagnostic["severity"];
  message: string;
  help: string;
  file?: string;
  path?: string[];
  location?: SourceLocation;
}

export interface ValidationJson {
  ok: boolean;
  errors: number;
  warnings: number;
  diagnostics: DiagnosticJson[];
}

/** The `--json` document of `zmgr validate`: stable shape, camelCase keys, no colour. */
export function renderJson(diags: readonly Diagnostic[]): ValidationJson {
  const counts = countBySeverity(diags);
  return {
    ok: counts.error === 0,
    errors: counts.error,
    warnings: counts.warning,
    diagnostics: diags.map((d) => {
      const out: DiagnosticJson = {
        code: d.code,
        severity: d.severity,
        message: d.message,
        help: d.help,
      };
      if (d.file !== undefined) out.file = d.file;
      if (d.path !== undefined) out.path = [...d.path];
      if (d.location !== undefined) out.location = { ...d.location };
      return out;
    }),
  };
}
