import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** The first of these on PATH, or null. */
function which(...names: string[]): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    for (const name of names) if (dir !== '' && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

/**
 * Debian's LibreOffice and poppler, as Word's and WPS's stand-ins on a machine without them: a
 * file it converts to PDF without error is a well-formed Office document. Null (with the reason)
 * where they are not installed (`apt-get install libreoffice-writer libreoffice-calc poppler-utils`).
 */
export function officeTools(): { libreOffice: string; pdftoppm: string; pdftotext: string } | string {
  const libreOffice = which('libreoffice', 'soffice');
  const pdftoppm = which('pdftoppm');
  const pdftotext = which('pdftotext');
  if (libreOffice === null) return 'libreoffice is not installed (apt-get install libreoffice-writer libreoffice-calc)';
  if (pdftoppm === null || pdftotext === null) return 'poppler-utils is not installed (apt-get install poppler-utils)';
  return { libreOffice, pdftoppm, pdftotext };
}

/** Converts an Office file to PDF: see `convertAllToPdf`. */
export function convertToPdf(libreOffice: string, file: string): string {
  return convertAllToPdf(libreOffice, [file])[0] as string;
}

/**
 * Converts Office files to PDF with one `libreoffice --headless --convert-to pdf` (it starts
 * once for them all), in a profile of its own (two conversions sharing one wait on each other's
 * lock), and fails unless each file's PDF comes out: LibreOffice exits 0 on files it cannot
 * read, saying so on stderr.
 */
export function convertAllToPdf(libreOffice: string, files: readonly string[]): string[] {
  const outDir = mkdtempSync(join(tmpdir(), 'branchflow-office-'));
  const profile = mkdtempSync(join(tmpdir(), 'branchflow-lo-profile-'));
  try {
    const output = execFileSync(
      libreOffice,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files],
      {
        timeout: 180_000,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, FONTCONFIG_FILE: join(__dirname, 'fonts.conf') },
      },
    );
    return files.map((file) => {
      const pdf = join(outDir, basename(file).replace(/\.[^.]+$/, '.pdf'));
      if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${file}: ${output}`);
      if (!readFileSync(pdf).subarray(0, 5).toString('latin1').startsWith('%PDF-')) throw new Error(`${pdf} is no PDF`);
      return pdf;
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The text of a PDF as poppler reads it, in reading order. */
export function pdfText(pdftotext: string, pdf: string): string {
  return execFileSync(pdftotext, ['-layout', pdf, '-'], { encoding: 'utf8' });
}

/** The first page of a PDF as a PNG at `dpi`. */
export function firstPagePng(pdftoppm: string, pdf: string, target: string, dpi = 110): void {
  const prefix = target.replace(/\.png$/, '');
  execFileSync(pdftoppm, ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
}
