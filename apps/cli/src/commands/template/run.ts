import { checkEntityName, type Template } from "@zmgr/kdl-schema";
import { refuseBadEdits } from "../../shared/edit-check.js";
import { inUse, invalid, notFound } from "../../shared/entity-errors.js";
import type { Invocation } from "../../shared/kit.js";
import { openSession } from "../../shared/session.js";
import type { TemplateCreateFlags } from "./register.js";

const REFUSED_BRANDS = new Set(["bhyve", "kvm"]);

export async function templateList(inv: Invocation): Promise<void> {
  const s = await openSession(inv);
  const rows = [...s.snapshot.templates.values()]
    .flatMap((f) => (f.parsed.value ? [f.parsed.value] : []))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (s.out.json) return s.out.printJson(rows);
  s.out.table(
    ["NAME", "BRAND", "IP-TYPE", "AUTOBOOT", "NETS"],
    rows.map((t) => [
      t.name + (t.name === s.snapshot.config.defaultTemplate ? " (default)" : ""),
      t.brand,
      t.ipType,
      String(t.autoboot),
      t.nets.map((n) => `${n.name}=${n.pools.join(",")}`).join(" "),
    ]),
  );
}

export async function templateShow(inv: Invocation, name: string): Promise<void> {
  const s = await openSession(inv);
  const f = s.snapshot.templates.get(name);
  if (!f?.parsed.value) throw notFound("template", name, "zmgr template list");
  const t = f.parsed.value;
  if (s.out.json) return s.out.printJson({ ...t, file: f.path });
  s.out.line(`# ${f.path}`);
  s.out.line(f.parsed.text.trimEnd());
}

export async function templateCreate(
  inv: Invocation,
  name: string,
  f: TemplateCreateFlags,
): Promise<void> {
  const problem = checkEntityName(name);
  if (problem)
    throw invalid(
      "template",
      `invalid template name ${JSON.stringify(name)}: ${problem}`,
      "template names are [A-Za-z0-9][A-Za-z0-9_.-]*",
    );
  if (REFUSED_BRANDS.has(f.brand))
    throw invalid(
      "template",
      `brand ${f.brand} is not managed by zmgr`,
      "bhyve and kvm zones need another tool",
    );
  if (f.ipType !== "exclusive" && f.ipType !== "shared")
    throw invalid(
      "template",
      `--ip-type ${f.ipType}: expected exclusive or shared`,
      "use --ip-type exclusive or --ip-type shared",
    );
  if (f.net.length === 0)
    throw invalid(
      "template",
      "a template needs at least one --net",
      "e.g. --net internal=internal",
    );
  const nets = f.net.map((spec) => {
    const [netName, pools] = spec.split("=", 2);
    const list = (pools ?? "").split(",").filter((x) => x !== "");
    if (!netName || list.length === 0)
      throw invalid(
        "template",
        `--net ${spec}: expected <name>=<pool>[,<pool>]`,
        "e.g. --net public=public,public-v6",
      );
    const bad = [netName, ...list].find((n) => checkEntityName(n) !== undefined);
    if (bad !== undefined) {
      throw invalid(
        "template",
        `--net ${JSON.stringify(spec)}: ${JSON.stringify(bad)} is not a valid name`,
        "net and pool names are [A-Za-z0-9][A-Za-z0-9_.-]*",
      );
    }
    return { name: netName, pools: list };
  });
  const template: Template = {
    name,
    brand: f.brand,
    autoboot: f.autoboot === true,
    ipType: f.ipType,
    nets,
    publishers: f.publisher ?? [],
    fs: [],
    datasets: [],
    attrs: [],
    installArgs: [],
  };
  const s = await openSession(inv);
  await s.registry.withLock(
    async (snap) => {
      if (snap.templates.has(name))
        throw invalid(
          "template",
          `template ${name} already exists`,
          "remove it first or pick another name",
        );
      // unknown pools and publishers: validate's reference rules (zmgr::reference::template_*)
      refuseBadEdits(snap, [{ kind: "template", value: template }], `template ${name}`);
      if (!inv.globals.dryRun) await s.registry.put("template", template);
    },
    { timeoutMs: s.lockTimeoutMs },
  );
  if (s.out.json)
    return s.out.printJson({
      created: `templates/${name}.kdl`,
      dryRun: inv.globals.dryRun,
      template,
    });
  s.out.line(
    `${s.out.c.green("✔")} ${inv.globals.dryRun ? "would write" : "wrote"} templates/${name}.kdl`,
  );
}

export async function templateRemove(inv: Invocation, name: string): Promise<void> {
  const s = await openSession(inv);
  await s.registry.withLock(
    async (snap) => {
      const file = snap.templates.get(name);
      if (!file) throw notFound("template", name, "zmgr template list");
      const users = [...snap.zones.values()]
        .filter((z) => z.parsed.value?.template === name)
        .map((z) => `zone ${z.name}`);
      if (snap.config.defaultTemplate === name) users.push("config.kdl default-template");
      if (users.length > 0) throw inUse("template", name, users);
      refuseBadEdits(snap, [{ kind: "template", remove: name }], `template ${name}`);
      if (!inv.globals.dryRun) await s.registry.remove("template", name, file);
    },
    { timeoutMs: s.lockTimeoutMs },
  );
  if (s.out.json)
    return s.out.printJson({ removed: `templates/${name}.kdl`, dryRun: inv.globals.dryRun });
  s.out.line(
    `${s.out.c.green("✔")} ${inv.globals.dryRun ? "would remove" : "removed"} templates/${name}.kdl`,
  );
}
