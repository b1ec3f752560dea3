/**
 * What a spreadsheet (Excel, WPS, LibreOffice) takes as the start of a formula, or a tab or a
 * carriage return that some of them skip before looking (OWASP, "CSV Injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The CSV cell for a text a spreadsheet would run as a formula, or undefined when the text is
 * safe as it is. OWASP's remedy: a single quote in front, so it reads as text, and the whole
 * cell in double quotes (inner ones doubled), so the quote stays part of the text whatever
 * reads the file. Names are human text, and `=1+2`, `-张三` or `@某` are admissible: they must
 * export as what they say. Only text comes here: a number, a negative one included, stays a number.
 */
export function formulaSafeCell(text: string): string | undefined {
  return FORMULA_START.test(text) ? `"'${text.replace(/"/g, '""')}"` : undefined;
}
