import { lexZonecfg } from "@zmgr/illumos-exec";
import { getopt, getoptMessage } from "./sim-getopt.js";
import { type SimCtx, validZoneName } from "./sim-util.js";
import { runCommand } from "./sim-zonecfg-cmds.js";
import { ZonecfgSession } from "./sim-zonecfg-session.js";

const USAGE = [
  "usage:\tzonecfg help",
  "\tzonecfg -z <zone>\t\t(interactive)",
  "\tzonecfg -z <zone> <command>",
  "\tzonecfg -z <zone> -f <command-file>",
].join("\n");

const SYNTAX = [
  "",
  "<zone> := [A-Za-z0-9][A-Za-z0-9_.-]*",
  "\t(except the reserved words 'global' and anything starting with 'SUNW')",
  "\tName must be less than 64 characters.",
].join("\n");

/** `zonecfg [-z zone] [-f file | command…]` (ZC `main`). Never interactive: stdin is no tty. */
export function zonecfg(ctx: SimCtx, args: string[]): void {
  const { out } = ctx;
  if (args.length === 0) {
    out.stderr += `${USAGE}\n`;
    out.exitCode = 2;
    return;
  }
  if (args[0] === "help") {
    out.stdout += `${USAGE}\n`;
    return;
  }
  const g = getopt(args, "?f:R:z:");
  if (g.error) {
    out.err(getoptMessage("zonecfg", g.error));
    out.stderr += `${USAGE}\n`;
    out.exitCode = 2;
    return;
  }
  let zone: string | undefined;
  let file: string | undefined;
  for (const o of g.opts) {
    if (o.opt === "?") {
      out.stdout += `${USAGE}\n`;
      out.exitCode = 2;
      return;
    }
    if (o.opt === "z") {
      zone = o.value ?? "";
      if (zone !== "global" && !validZoneName(zone)) {
        out.stderr += `${zone}: Bogus zone name\n${SYNTAX}\n`;
        out.exitCode = 2;
        return;
      }
    }
    if (o.opt === "f") file = o.value ?? "";
    if (o.opt === "R" && !(o.value ?? "").startsWith("/")) {
      out.err(`root path must be absolute: ${o.value ?? ""}`);
      out.exitCode = 2;
      return;
    }
  }
  if (zone === undefined || zone === "") {
    out.stderr += `${USAGE}\n`;
    out.exitCode = 2;
    return;
  }
  let text: string;
  let headerFile: string | undefined;
  const session = (f: string | undefined) => new ZonecfgSession(ctx, zone ?? "", f);
  let s: ZonecfgSession;
  if (file !== undefined) {
    headerFile = file;
    if (file === "-") {
      text = ctx.stdin;
    } else {
      try {
        text = ctx.readFile(file);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        out.fail(
          `could not open file ${file}: ${code === "EACCES" ? "Permission denied" : "No such file or directory"}`,
        );
        return;
      }
    }
    s = session(headerFile);
  } else if (g.operands.length > 0) {
    text = `${g.operands.join(" ")}\n`;
    s = session(undefined);
  } else {
    // "Interactive" start with stdin not a tty: the greeting, then commands from stdin.
    s = session(undefined);
    if (zone !== "global" && !s.existing()) {
      out.err(`${zone}: No such zone configured`);
      out.out("Use 'create' to begin configuring a new zone.");
    }
    text = ctx.stdin;
  }
  // A real command file bails out at the first error; `-f -`, stdin and argv keep going (ZC `read_input`).
  const bail = file !== undefined && file !== "-";
  for (const c of lexZonecfg(text)) {
    runCommand(s, c);
    if (s.exitNow) {
      out.exitCode = 1;
      return;
    }
    if (s.stop) break;
    if (bail && s.sawError) {
      s.stop = true;
      break;
    }
  }
  if (!s.stop) s.line = text.split("\n").length;
  out.exitCode = s.finish();
}
