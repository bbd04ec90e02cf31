// Prints one element on its own: a hidden frame gets the page's styles and a copy of the element, 80 mm
// wide, so a receipt printer and an office printer both take it and a long report runs onto more pages.
const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

export function printElement(el: HTMLElement, title: string): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
  document.body.appendChild(frame);
  const doc = frame.contentDocument;
  const win = frame.contentWindow;
  if (!doc || !win) {
    frame.remove();
    return;
  }
  const styles = [...document.querySelectorAll('link[rel="stylesheet"], style')].map((n) => n.outerHTML).join('');
  let printed = false;
  const go = () => {
    if (printed) return;
    printed = true;
    win.focus();
    win.print();
    window.setTimeout(() => frame.remove(), 1000);
  };
  frame.addEventListener('load', go, { once: true });
  doc.open();
  doc.write(
    `<!doctype html><html lang="${escapeHtml(document.documentElement.lang)}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>${styles}` +
      '<style>@page{size:80mm auto;margin:4mm}html,body{background:#fff}body{width:72mm;margin:0 auto;font-size:11px}</style>' +
      `</head><body>${el.outerHTML}</body></html>`,
  );
  doc.close();
  // Stylesheets already cached may not fire load on every browser: print anyway.
  window.setTimeout(go, 1500);
}
