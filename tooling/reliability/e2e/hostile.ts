// Values an attacker (or a careless copy-paste) might put into a name, a flag or a registry file.

/** Strings that a shell would interpret, quote breakers, line breaks, odd unicode. */
export const HOSTILE: readonly string[] = [
  ";",
  '"',
  "'",
  "\n",
  "\r\n",
  "$(id)",
  "`id`",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal shell expansion, on purpose
  "${IFS}",
  "a b",
  " leading",
  "trailing ",
  "\t",
  "a;b",
  "a|b",
  "a&&b",
  "a>b",
  "../../etc/passwd",
  "/etc/passwd",
  "-rf",
  "--help",
  "--json=1",
  "*",
  "?",
  "~",
  "\\",
  "\\n",
  "\u0000",
  "\u202Eevil",
  "ünïcödé",
  "日本語",
  "💥",
  "\uFEFF",
  "\uD800",
  "a".repeat(300),
  "",
  "=",
  ",",
  "10.1.0.10/24,10.1.0.11/24",
  'x" ; add net {',
  "x\nadd fs",
];

/** Values that would run `touch <marker>` if a shell ever saw them. */
export function shellInjections(marker: string): string[] {
  return [
    `$(touch ${marker})`,
    `;touch ${marker}`,
    `\`touch ${marker}\``,
    `|touch ${marker}`,
    `&& touch ${marker}`,
    `'; touch ${marker}; '`,
    `"; touch ${marker}; "`,
    `\ntouch ${marker}\n`,
  ];
}
