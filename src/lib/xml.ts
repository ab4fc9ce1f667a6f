/**
 * Text made safe inside XML and HTML, in an element or a double-quoted attribute: the one
 * escaping of the feeds, the EPUB's package and the PDFs' metadata.
 */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
