/**
 * The simulator's stand-in for the zone's `/bin/sh -c` behind `zlogin ZONE cmd…` (zlogin joins
 * its arguments with spaces and runs them through `su root -c`). Not a shell: it reads POSIX
 * words (quotes, backslashes, `$NAME`/`${NAME}`/`$?`), `;`, newlines and `#` comments, and runs a
 * few builtins — echo, printf, true, false, exit, zonename, hostname, uname, pwd, id. Anything
 * else is "not found" (127); pipes, redirections and `$(…)` are refused (2). That is enough to
 * prove that quoting survives the trip and that the exit status comes back.
 */
export interface ShResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

type Word = string;

class ShSyntaxError extends Error {}

/** Split a script into commands of words, expanding parameters from `vars`. */
export function parseSh(script: string, vars: (name: string) => string): Word[][] {
  const commands: Word[][] = [];
  let words: Word[] = [];
  let word: string | undefined;
  const push = () => {
    if (word !== undefined) words.push(word);
    word = undefined;
  };
  const end = () => {
    push();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  const param = (i: number): [string, number] => {
    const rest = script.slice(i + 1);
    const m = /^(?:\{([A-Za-z_][A-Za-z0-9_]*|\?)\}|([A-Za-z_][A-Za-z0-9_]*|\?))/.exec(rest);
    if (!m) {
      if (rest.startsWith("(") || rest.startsWith("{"))
        throw new ShSyntaxError("command substitution is not simulated");
      return ["$", i + 1];
    }
    return [vars(m[1] ?? m[2] ?? ""), i + 1 + m[0].length];
  };
  let i = 0;
  while (i < script.length) {
    const ch = script[i] as string;
    if (ch === "\\") {
      if (script[i + 1] === "\n") i += 2;
      else {
        word = (word ?? "") + (script[i + 1] ?? "");
        i += 2;
      }
    } else if (ch === "'") {
      const close = script.indexOf("'", i + 1);
      if (close < 0) throw new ShSyntaxError("unterminated quoted string");
      word = (word ?? "") + script.slice(i + 1, close);
      i = close + 1;
    } else if (ch === '"') {
      let j = i + 1;
      let text = "";
      for (;;) {
        const c = script[j];
        if (c === undefined) throw new ShSyntaxError("unterminated quoted string");
        if (c === '"') break;
        if (c === "\\" && /[$`"\\\n]/.test(script[j + 1] ?? "")) {
          if (script[j + 1] !== "\n") text += script[j + 1];
          j += 2;
        } else if (c === "$") {
          const [v, next] = param(j);
          text += v;
          j = next;
        } else if (c === "`") throw new ShSyntaxError("command substitution is not simulated");
        else {
          text += c;
          j += 1;
        }
      }
      word = (word ?? "") + text;
      i = j + 1;
    } else if (ch === "$") {
      const [v, next] = param(i);
      word = (word ?? "") + v;
      i = next;
    } else if (ch === " " || ch === "\t") {
      push();
      i += 1;
    } else if (ch === ";" || ch === "\n") {
      end();
      i += 1;
    } else if (ch === "#" && word === undefined) {
      while (i < script.length && script[i] !== "\n") i += 1;
    } else if ("|&<>()`".includes(ch)) {
      throw new ShSyntaxError(`'${ch}' is not simulated`);
    } else {
      word = (word ?? "") + ch;
      i += 1;
    }
  }
  end();
  return commands;
}

/** Run `script` as the zone's root shell would (see the file comment). */
export function runSimSh(script: string, zone: string): ShResult {
  const res: ShResult = { exitCode: 0, stdout: "", stderr: "" };
  const env: Record<string, string> = {
    HOME: "/root",
    LOGNAME: "root",
    USER: "root",
    SHELL: "/bin/sh",
    PATH: "/usr/sbin:/usr/bin",
  };
  let commands: Word[][];
  try {
    commands = parseSh(script, (n) => (n === "?" ? String(res.exitCode) : (env[n] ?? "")));
  } catch (e) {
    if (!(e instanceof ShSyntaxError)) throw e;
    return { exitCode: 2, stdout: "", stderr: `sh: syntax error: ${e.message}\n` };
  }
  for (const [name, ...args] of commands) {
    if (name === undefined) continue;
    if (name === "exit") {
      res.exitCode = args[0] === undefined ? res.exitCode : Number(args[0]) & 255;
      return res;
    }
    const builtin = BUILTINS[name];
    if (!builtin) {
      res.stderr += `sh: ${name}: not found\n`;
      res.exitCode = 127;
      continue;
    }
    const r = builtin(args, zone);
    res.stdout += r.stdout ?? "";
    res.stderr += r.stderr ?? "";
    res.exitCode = r.exitCode ?? 0;
  }
  return res;
}

type Builtin = (args: string[], zone: string) => Partial<ShResult>;

const BUILTINS: Record<string, Builtin> = {
  echo: (args) => ({ stdout: `${args.join(" ")}\n` }),
  printf: (args) => printf(args),
  true: () => ({}),
  false: () => ({ exitCode: 1 }),
  zonename: (_a, zone) => ({ stdout: `${zone}\n` }),
  hostname: (_a, zone) => ({ stdout: `${zone}\n` }),
  uname: (args, zone) => ({ stdout: `${args.includes("-n") ? zone : "SunOS"}\n` }),
  pwd: () => ({ stdout: "/root\n" }),
  id: () => ({ stdout: "uid=0(root) gid=0(root)\n" }),
};

/** printf: `%s`, `%d`, `%%`, `\n`, `\t`, `\\`, `\0`; the format is reused while operands remain. */
function printf([format, ...args]: string[]): Partial<ShResult> {
  if (format === undefined) return { exitCode: 2, stderr: "printf: usage: printf format [args]\n" };
  let out = "";
  let k = 0;
  do {
    let used = false;
    for (let i = 0; i < format.length; i++) {
      const c = format[i] as string;
      const n = format[i + 1];
      if (c === "\\" && n !== undefined) {
        out +=
          ({ n: "\n", t: "\t", "\\": "\\", "0": "\0" } as Record<string, string>)[n] ?? `\\${n}`;
        i += 1;
      } else if (c === "%" && n === "%") {
        out += "%";
        i += 1;
      } else if (c === "%" && (n === "s" || n === "d")) {
        const a = args[k++] ?? "";
        used = true;
        out += n === "d" ? String(Number.parseInt(a || "0", 10) || 0) : a;
        i += 1;
      } else out += c;
    }
    if (!used) break;
  } while (k < args.length);
  return { stdout: out };
}
