import { execa } from "execa";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shellJoin, shellQuote } from "./posix-quote.js";

/**
 * What a real /bin/sh makes of `printf '%s\0' <joined>`: the words it received (at least one:
 * printf with no operands still prints the format once).
 */
async function wordsBySh(joined: string): Promise<string[]> {
  const r = await execa("/bin/sh", ["-c", `printf '%s\\0' ${joined}`], {
    reject: false,
    stripFinalNewline: false,
  });
  expect(r.exitCode, r.stderr).toBe(0);
  return String(r.stdout).slice(0, -1).split("\0");
}

const hostile = fc.constantFrom(
  "'",
  '"',
  "$",
  "`",
  "\\",
  " ",
  "\t",
  "\n",
  "*",
  "?",
  "[",
  "]",
  "~",
  "#",
  "!",
  "&",
  ";",
  "|",
  "(",
  ")",
  "<",
  ">",
  "{",
  "}",
  "=",
  "%",
  "é",
  "a",
  "-",
  "$(id)",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal sh parameter expansion
  "${HOME}",
  "'\\''",
);
const arg = fc.oneof(
  fc.string({ unit: hostile, maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ maxLength: 12 }),
);

describe("shellQuote", () => {
  it("leaves plain words alone and single-quotes the rest", () => {
    expect(shellQuote("ls")).toBe("ls");
    expect(shellQuote("/etc/hosts")).toBe("/etc/hosts");
    expect(shellQuote("")).toBe("''");
    expect(shellQuote("a b")).toBe("'a b'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote("$HOME")).toBe("'$HOME'");
    expect(shellJoin(["echo", "a b", "$x"])).toBe("echo 'a b' '$x'");
  });

  it("round-trips any argv through a real /bin/sh word for word", async () => {
    // fast-check prints the seed and the shrunk counterexample on failure: replay with { seed }.
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          arg.filter((s) => !s.includes("\0")),
          { minLength: 1, maxLength: 5 },
        ),
        async (argv) => {
          expect(await wordsBySh(shellJoin(argv))).toEqual(argv);
        },
      ),
      { numRuns: 150 },
    );
  });
});
