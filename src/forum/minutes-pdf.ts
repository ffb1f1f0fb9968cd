// Renders a berita acara to PDF bytes with pdfmake and the Roboto fonts shipped in the pdfmake package.
// A document may never fetch a URL or read a file other than those fonts.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import pdfmake from "pdfmake";

/** A pdfmake document definition (the package's TDocumentDefinitions, which its types do not export). */
export type PdfDocument = Parameters<typeof pdfmake.createPdf>[0];

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve("pdfmake/package.json")), "build", "fonts", "Roboto");
let ready = false;

function setUp(): void {
  if (ready) return;
  pdfmake.setFonts({
    Roboto: {
      normal: join(fontDir, "Roboto-Regular.ttf"),
      bold: join(fontDir, "Roboto-Medium.ttf"),
      italics: join(fontDir, "Roboto-Italic.ttf"),
      bolditalics: join(fontDir, "Roboto-MediumItalic.ttf"),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(fontDir));
  ready = true;
}

/** The PDF bytes of a pdfmake document, e.g. `await renderPdf(minutesDocument(view, data, now))`. */
export async function renderPdf(doc: PdfDocument): Promise<Buffer> {
  setUp();
  const bytes = await pdfmake.createPdf(doc).getBuffer();
  return Buffer.from(bytes);
}
