// Downloads a file from the API in the UI language (a plain link would send the browser's
// Accept-Language, so a report asked for in 简体中文 could come back in English).
import { API_BASE } from '../../http/client.js';
import { ApiError, NETWORK_ERROR, toProblem } from '../../http/problem.js';

function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/** GETs `path` (under /api/v1, or a full /api/v1/… URL) and saves the body as a file. */
export async function downloadFile(path: string, language: string, fallbackName: string): Promise<void> {
  const url = path.startsWith('/api/') ? path : `${API_BASE}${path}`;
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { 'Accept-Language': language } });
  } catch {
    throw new ApiError({ status: 0, code: NETWORK_ERROR });
  }
  if (!response.ok) {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    throw new ApiError(toProblem(response.status, body));
  }
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
