// Bundles the pages' browser code into <output>/static/vendor and copies the PDF fonts into <output>/fonts.
// Called by the Maven build with the classes directory as its argument.
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const output = process.argv[2] ?? '../../../target/classes';
const vendor = join(output, 'static', 'vendor');

await build({
  entryPoints: {
    'form-viewer': 'src/form-viewer.js',
    'process-viewer': 'src/process-viewer.js'
  },
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  outdir: vendor,
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  logLevel: 'warning'
});

// DejaVu covers every Vietnamese letter with its diacritics: the published documents' PDF is set in it.
const fonts = join(output, 'fonts');
mkdirSync(fonts, { recursive: true });
for (const face of ['DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf', 'DejaVuSerif-Italic.ttf', 'DejaVuSerif-BoldItalic.ttf']) {
  cpSync(join('node_modules', 'dejavu-fonts-ttf', 'ttf', face), join(fonts, face));
}
