/** The one-time beheerder password as a framed block for a terminal, ending with a newline. */
export function passwordBox(username: string, password: string, loginUrl: string): string {
  const lines = [
    "Er is een beheerdersaccount aangemaakt. Dit wachtwoord wordt maar één keer getoond.",
    "",
    `  gebruikersnaam: ${username}`,
    `  wachtwoord:     ${password}`,
    "",
    `Log in op ${loginUrl}`,
    "en kies daarna een eigen wachtwoord op /account.",
  ];
  const width = Math.max(...lines.map((line) => line.length));
  const rule = "─".repeat(width + 2);
  return `${[`┌${rule}┐`, ...lines.map((line) => `│ ${line.padEnd(width)} │`), `└${rule}┘`].join("\n")}\n`;
}
