import { checkEntityName, isHttpUrl } from "@zmgr/kdl-schema";
import { refuseBadEdits } from "../../shared/edit-check.js";
import { inUse, invalid, notFound } from "../../shared/entity-errors.js";
import type { Invocation } from "../../shared/kit.js";
import { openSession } from "../../shared/session.js";

export async function publisherList(inv: Invocation): Promise<void> {
  const s = await openSession(inv);
  const rows = [...s.snapshot.publishers.values()]
    .flatMap((f) => (f.parsed.value ? [f.parsed.value] : []))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (s.out.json) return s.out.printJson(rows);
  s.out.table(
    ["NAME", "ORIGIN"],
    rows.map((p) => [p.name, p.origin]),
  );
}

export async function publisherShow(inv: Invocation, name: string): Promise<void> {
  const s = await openSession(inv);
  const f = s.snapshot.publishers.get(name);
  if (!f?.parsed.value) throw notFound("publisher", name, "zmgr publisher list");
  const users = [...s.snapshot.templates.values()]
    .filter((t) => t.parsed.value?.publishers.includes(name))
    .map((t) => t.name);
  if (s.out.json) return s.out.printJson({ ...f.parsed.value, file: f.path, templates: users });
  s.out.line(`${f.parsed.value.name}  ${f.parsed.value.origin}`);
  s.out.line(`  used by templates: ${users.join(", ") || "none"}`);
}

export async function publisherAdd(inv: Invocation, name: string, origin: string): Promise<void> {
  const problem = checkEntityName(name);
  if (problem)
    throw invalid(
      "publisher",
      `invalid publisher name ${JSON.stringify(name)}: ${problem}`,
      "publisher names are [A-Za-z0-9][A-Za-z0-9_.-]*",
    );
  if (!isHttpUrl(origin) || /["\n\s]/.test(origin))
    throw invalid(
      "publisher",
      `--origin ${JSON.stringify(origin)} is not an http(s) URL`,
      "e.g. --origin https://pkg.openindiana.org/hipster",
    );
  const s = await openSession(inv);
  await s.registry.withLock(
    async (snap) => {
      if (snap.publishers.has(name))
        throw invalid(
          "publisher",
          `publisher ${name} already exists`,
          "remove it first or pick another name",
        );
      refuseBadEdits(snap, [{ kind: "publisher", value: { name, origin } }], `publisher ${name}`);
      if (!inv.globals.dryRun) await s.registry.put("publisher", { name, origin });
    },
    { timeoutMs: s.lockTimeoutMs },
  );
  if (s.out.json)
    return s.out.printJson({
      created: `publishers/${name}.kdl`,
      dryRun: inv.globals.dryRun,
      publisher: { name, origin },
    });
  s.out.line(
    `${s.out.c.green("✔")} ${inv.globals.dryRun ? "would write" : "wrote"} publishers/${name}.kdl`,
  );
}

export async function publisherRemove(inv: Invocation, name: string): Promise<void> {
  const s = await openSession(inv);
  await s.registry.withLock(
    async (snap) => {
      const file = snap.publishers.get(name);
      if (!file) throw notFound("publisher", name, "zmgr publisher list");
      const users = [...snap.templates.values()]
        .filter((t) => t.parsed.value?.publishers.includes(name))
        .map((t) => `template ${t.name}`);
      if (users.length > 0) throw inUse("publisher", name, users);
      refuseBadEdits(snap, [{ kind: "publisher", remove: name }], `publisher ${name}`);
      if (!inv.globals.dryRun) await s.registry.remove("publisher", name, file);
    },
    { timeoutMs: s.lockTimeoutMs },
  );
  if (s.out.json)
    return s.out.printJson({ removed: `publishers/${name}.kdl`, dryRun: inv.globals.dryRun });
  s.out.line(
    `${s.out.c.green("✔")} ${inv.globals.dryRun ? "would remove" : "removed"} publishers/${name}.kdl`,
  );
}
