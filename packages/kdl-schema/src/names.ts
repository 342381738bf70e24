const ENTITY_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/**
 * Name rules for templates, pools and publishers (SPEC §1): `[A-Za-z0-9][A-Za-z0-9_.-]*`,
 * at most 64 characters, never a path. Returns a problem message, or undefined when fine.
 */
export function checkEntityName(name: string): string | undefined {
  if (name.length === 0) return "the name is empty";
  if (name.length > 64) return `the name is ${name.length} characters long; at most 64 are allowed`;
  if (name.includes("/") || name.includes("\\")) return `"${name}" contains a path separator`;
  if (name === "." || name === "..") return `"${name}" is a path, not a name`;
  if (!/^[A-Za-z0-9]/.test(name)) return `"${name}" must start with a letter or digit`;
  if (!ENTITY_NAME.test(name)) {
    const bad = [...name].find((c) => !/[A-Za-z0-9_.-]/.test(c)) ?? "";
    return `"${name}" contains ${JSON.stringify(bad)}; only letters, digits, "_", "." and "-" are allowed`;
  }
  return undefined;
}

/** True for an absolute http:// or https:// URL with a host. */
export function isHttpUrl(s: string): boolean {
  if (!/^https?:\/\//i.test(s) || /\s/.test(s)) return false;
  try {
    const url = new URL(s);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}
